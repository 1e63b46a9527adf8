package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.request.RequesterWaits;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An expert's question to the requester from the screening of an area, and the requester's answer. It is data, not a
 * step of the model: the screening task stays open (the expert may go on, or complete it without the answer), the
 * request stays in screening, and the requester answers on the request's page, so the answer lands on the area's task
 * page, in the thread and in the history. While it is open the request waits for its requester ({@link RequesterWaits}:
 * by the configured policy the screening week pauses).
 */
@Service
public class AreaQuestions {

    /** A request's questions are few; this only bounds what one request can hold. */
    static final int MAX_PER_REQUEST = 50;

    private final RequestLifecycle lifecycle;
    private final ClarificationRepository clarifications;
    private final AnswerBy answerBy;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseHistory history;
    private final RequesterWaits waits;
    private final OutboxWriter outbox;

    AreaQuestions(RequestLifecycle lifecycle, ClarificationRepository clarifications, AnswerBy answerBy, Clock clock,
                  ApplicationEventPublisher events, CaseHistory history, RequesterWaits waits, OutboxWriter outbox) {
        this.lifecycle = lifecycle;
        this.clarifications = clarifications;
        this.answerBy = answerBy;
        this.clock = clock;
        this.events = events;
        this.history = history;
        this.waits = waits;
        this.outbox = outbox;
    }

    /** Asks in the caller's transaction, which has checked that the expert may work on the area's open task. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ask(UUID requestId, Area area, QuestionForm form, String expert) {
        PurchaseRequest request = lifecycle.lock(requestId);
        if (request.status() != RequestStatus.IN_SCREENING) {
            throw new ConflictException("Request " + requestId + " is not in screening");
        }
        if (clarifications.countByRequest(requestId) >= MAX_PER_REQUEST) {
            throw InvalidInputException.of("question", "question.tooMany", MAX_PER_REQUEST);
        }
        Instant now = clock.instant();
        String question = form.question().strip();
        LocalDate by = answerBy.of(now, request.deadline());
        UUID questionId = clarifications.ask(requestId, area, question, expert, now, by);
        waits.waitStarted(requestId, now);
        outbox.append(requestId, request.reference(), EventType.SCREENING_QUESTION_ASKED, now,
                new ScreeningQuestionAsked(requestId, request.reference(), request.requester(), area, questionId, by, now));
        events.publishEvent(new QuestionAsked(requestId, question, expert, area, by));
        history.record(requestId, HistoryKind.QUESTION_ASKED, expert, area, null, question);
    }

    /** The requester's answer to an expert's open question of their request. */
    @Transactional
    public void answer(UUID requestId, UUID questionId, InformationForm form, String requester) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Clarification question = clarifications.find(requestId, questionId)
                .filter(found -> found.area() != null)
                .orElseThrow(() -> new RequestNotFoundException(requestId));
        if (request.status().isClosed()) {
            throw new ConflictException("Request " + requestId + " is closed");
        }
        String answer = form.answer().strip();
        Instant now = clock.instant();
        if (!clarifications.answer(requestId, questionId, answer, requester, now)) {
            throw new ConflictException("Question " + questionId + " is answered");
        }
        waits.waitEnded(requestId, now);
        outbox.append(requestId, request.reference(), EventType.SCREENING_QUESTION_ANSWERED, now,
                new ScreeningQuestionAnswered(requestId, request.reference(), request.requester(), question.area(), questionId, now));
        events.publishEvent(new QuestionAnswered(requestId, answer, question.area(), question.question(), question.askedBy()));
        history.record(requestId, HistoryKind.QUESTION_ANSWERED, requester, question.area(), null, answer);
    }

    /* As for triage's question: the texts and the expert who asked stay in the application. */

    /** screening.question-asked.v1 */
    record ScreeningQuestionAsked(UUID requestId, String reference, String requester, Area area, UUID questionId,
                                  LocalDate answerBy, Instant askedAt) {
    }

    /** screening.question-answered.v1 */
    record ScreeningQuestionAnswered(UUID requestId, String reference, String requester, Area area, UUID questionId,
                                     Instant answeredAt) {
    }
}
