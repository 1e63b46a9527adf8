package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The date a question asks the requester to answer by: the configured working days after the day it is asked, by the
 * deadline's calendar, but never after the day of the screening deadline, which the answer must leave the experts time
 * for. A question asked on or after that day asks for the answer the same day.
 */
@Component
class AnswerBy {

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties deadlines;
    private final QuestionProperties questions;

    AnswerBy(WorkingDayCalendar calendar, DeadlineProperties deadlines, QuestionProperties questions) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.questions = questions;
    }

    LocalDate of(Instant askedAt, Instant screeningDeadline) {
        LocalDate today = askedAt.atZone(deadlines.zone()).toLocalDate();
        LocalDate answerBy = calendar.plusWorkingDays(today, questions.answerWithin());
        if (screeningDeadline == null) {
            return answerBy;
        }
        LocalDate deadlineDay = screeningDeadline.atZone(deadlines.zone()).toLocalDate();
        LocalDate latest = deadlineDay.isBefore(today) ? today : deadlineDay;
        return answerBy.isAfter(latest) ? latest : answerBy;
    }
}
