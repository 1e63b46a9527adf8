package dk.indkoebsscreening.deadline;

import static dk.indkoebsscreening.deadline.WorkingDayCalendarTest.CLOSED_DAYS;
import static dk.indkoebsscreening.deadline.WorkingDayCalendarTest.COPENHAGEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** "One week" = 5 Danish working days, deadline and reminder at 16:00 Copenhagen time. */
class DeadlineCalculatorTest {

    private final DeadlineCalculator calculator = calculator(CLOSED_DAYS);

    private static DeadlineCalculator calculator(Set<MonthDay> closedDays) {
        DeadlineProperties properties = new DeadlineProperties(5, LocalTime.of(16, 0), COPENHAGEN, closedDays);
        return new DeadlineCalculator(properties, new WorkingDayCalendar(properties));
    }

    /** A local time in Copenhagen, e.g. "2026-04-01T10:00". */
    private static Instant copenhagen(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(COPENHAGEN).toInstant();
    }

    @Test
    @DisplayName("Submitted Wednesday 1 April 2026 (before Easter) -> deadline Monday 13 April 2026 16:00, reminder Friday 10 April 16:00")
    void wednesdayBeforeEaster2026() {
        Deadline deadline = calculator.forSubmissionAt(copenhagen("2026-04-01T10:00"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-04-13T16:00"))
                .isEqualTo(Instant.parse("2026-04-13T14:00:00Z"));
        assertThat(deadline.remindAt()).isEqualTo(copenhagen("2026-04-10T16:00"))
                .isEqualTo(Instant.parse("2026-04-10T14:00:00Z"));
    }

    @Test
    @DisplayName("Ascension week: submitted Monday 11 May 2026 -> deadline Tuesday 19 May 2026 (Thursday 14 May skipped), reminder Monday 18 May")
    void ascensionWeek2026() {
        Deadline deadline = calculator.forSubmissionAt(copenhagen("2026-05-11T09:30"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-05-19T16:00"));
        assertThat(deadline.remindAt()).isEqualTo(copenhagen("2026-05-18T16:00"));
    }

    @Test
    @DisplayName("Whit Monday: submitted Wednesday 20 May 2026 -> deadline Thursday 28 May 2026 (Monday 25 May skipped), reminder Wednesday 27 May")
    void whitMonday2026() {
        Deadline deadline = calculator.forSubmissionAt(copenhagen("2026-05-20T14:00"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-05-28T16:00"));
        assertThat(deadline.remindAt()).isEqualTo(copenhagen("2026-05-27T16:00"));
    }

    @Test
    @DisplayName("Christmas: submitted Tuesday 22 December 2026 -> deadline Monday 4 January 2027 16:00 (24-27 Dec, 31 Dec, 1-3 Jan skipped), reminder Wednesday 30 December")
    void christmas2026() {
        Deadline deadline = calculator.forSubmissionAt(copenhagen("2026-12-22T11:00"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2027-01-04T16:00"))
                .isEqualTo(Instant.parse("2027-01-04T15:00:00Z"));
        assertThat(deadline.remindAt()).isEqualTo(copenhagen("2026-12-30T16:00"));
    }

    @Test
    @DisplayName("Constitution Day: submitted Monday 1 June 2026 -> deadline Tuesday 9 June 2026 (Friday 5 June closed), reminder Monday 8 June")
    void constitutionDay2026() {
        Deadline deadline = calculator.forSubmissionAt(copenhagen("2026-06-01T08:00"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-06-09T16:00"));
        assertThat(deadline.remindAt()).isEqualTo(copenhagen("2026-06-08T16:00"));
    }

    @Test
    @DisplayName("Closed days are configuration: without them, 1 June 2026 -> Monday 8 June and 22 December 2026 -> Wednesday 30 December")
    void withoutClosedDays() {
        DeadlineCalculator withoutClosedDays = calculator(Set.of());

        Deadline june = withoutClosedDays.forSubmissionAt(copenhagen("2026-06-01T08:00"));
        assertThat(june.dueAt()).isEqualTo(copenhagen("2026-06-08T16:00"));
        assertThat(june.remindAt()).isEqualTo(copenhagen("2026-06-05T16:00"));

        Deadline christmas = withoutClosedDays.forSubmissionAt(copenhagen("2026-12-22T11:00"));
        assertThat(christmas.dueAt()).isEqualTo(copenhagen("2026-12-30T16:00"));
        assertThat(christmas.remindAt()).isEqualTo(copenhagen("2026-12-29T16:00"));
    }

    @Test
    @DisplayName("Submitted Saturday 7 November 2026 -> deadline Friday 13 November 2026 (Monday 9 Nov is working day 1), reminder Thursday 12 November")
    void saturdaySubmission() {
        Deadline deadline = calculator.forSubmissionAt(copenhagen("2026-11-07T13:00"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-11-13T16:00"))
                .isEqualTo(Instant.parse("2026-11-13T15:00:00Z"));
        assertThat(deadline.remindAt()).isEqualTo(copenhagen("2026-11-12T16:00"));
    }

    @Test
    @DisplayName("The day of submission is the Copenhagen day: 23:30 UTC Thursday 5 Nov 2026 is Friday 6 Nov -> deadline Friday 13 Nov, not Thursday 12 Nov")
    void submissionDayIsTheLocalDay() {
        Deadline deadline = calculator.forSubmissionAt(Instant.parse("2026-11-05T23:30:00Z"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-11-13T16:00"));
    }

    @Test
    @DisplayName("Daylight saving starts 29 March 2026: submitted Wednesday 25 March (CET) -> deadline Wednesday 1 April 16:00 CEST = 14:00 UTC, reminder Tuesday 31 March 14:00 UTC")
    void daylightSavingStarts() {
        Deadline deadline = calculator.forSubmissionAt(Instant.parse("2026-03-25T09:00:00Z"));

        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-04-01T14:00:00Z"));
        assertThat(deadline.remindAt()).isEqualTo(Instant.parse("2026-03-31T14:00:00Z"));
    }

    @Test
    @DisplayName("Daylight saving ends 25 October 2026: submitted Wednesday 21 October (CEST) -> deadline Wednesday 28 October 16:00 CET = 15:00 UTC, reminder Tuesday 27 October 15:00 UTC")
    void daylightSavingEnds() {
        Deadline deadline = calculator.forSubmissionAt(Instant.parse("2026-10-21T08:00:00Z"));

        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-10-28T15:00:00Z"));
        assertThat(deadline.remindAt()).isEqualTo(Instant.parse("2026-10-27T15:00:00Z"));
    }

    @Test
    @DisplayName("Working days left before the deadline Monday 13 April 2026, counted in Copenhagen days")
    void workingDaysLeft() {
        Instant due = copenhagen("2026-04-13T16:00");

        assertThat(calculator.workingDaysLeft(copenhagen("2026-04-01T10:00"), due)).isEqualTo(5);
        assertThat(calculator.workingDaysLeft(copenhagen("2026-04-03T10:00"), due)).as("Good Friday").isEqualTo(5);
        assertThat(calculator.workingDaysLeft(copenhagen("2026-04-09T12:00"), due)).isEqualTo(2);
        // 22:30 UTC on Thursday 9 April is already Friday 10 April in Copenhagen.
        assertThat(calculator.workingDaysLeft(Instant.parse("2026-04-09T22:30:00Z"), due)).isEqualTo(1);
        assertThat(calculator.workingDaysLeft(copenhagen("2026-04-13T09:00"), due)).isZero();
        assertThat(calculator.workingDaysLeft(copenhagen("2026-04-14T09:00"), due)).isZero();
    }
}
