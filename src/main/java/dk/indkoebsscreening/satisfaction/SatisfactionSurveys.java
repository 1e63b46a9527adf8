package dk.indkoebsscreening.satisfaction;

import dk.indkoebsscreening.decision.DecisionTaken;
import dk.indkoebsscreening.followup.ConditionFacts;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requester's satisfaction survey of a request: asked in the transaction that ends the screening's work for them
 * (the decision, or the settling of an approval's conditions), so a rolled-back step asks nothing and a committed one
 * always has its question and mail; reminded once by a scheduled job (across municipalities, each in its own);
 * answered once, by the requester alone.
 */
@Service
public class SatisfactionSurveys {

    private static final Logger log = LoggerFactory.getLogger(SatisfactionSurveys.class);
    /** Reminders per run; more wait for the next run. */
    static final int BATCH = 200;
    /** Runs that may fail to remind one requester before the job leaves that survey alone. */
    static final int TRIES = 3;

    /** A request's survey as its requester sees it. */
    public record Survey(UUID requestId, Instant askedAt, Instant answeredAt, Integer score, String comment, boolean anonymous) {

        public boolean answered() {
            return answeredAt != null;
        }
    }

    /**
     * An answer as the steering report shows it: where the requester asked to be anonymous, nothing that leads to them
     * (their name, and the request's reference, title and department, which one click would turn into their name).
     */
    public record Answer(UUID requestId, String reference, String title, String department, String requester,
                         Instant answeredAt, int score, String comment) {
    }

    private record Due(UUID requestId, String municipality) {
    }

    private final JdbcClient jdbc;
    private final Requests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SatisfactionProperties properties;
    private final TransactionTemplate transactions;

    SatisfactionSurveys(JdbcClient jdbc, Requests requests, ApplicationEventPublisher events, Clock clock,
                        SatisfactionProperties properties, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Approved or rejected: the screening's work for the requester is done; with conditions it is when they are settled. */
    @EventListener
    void decided(DecisionTaken fact) {
        if (fact.decision().outcome() != Verdict.APPROVED_WITH_CONDITIONS) {
            ask(fact.requestId());
        }
    }

    @EventListener
    void conditionsSettled(ConditionFacts.Settled fact) {
        ask(fact.requestId());
    }

    /** Once per request, however often asked; in the transaction of the step that published the fact. */
    private void ask(UUID requestId) {
        PurchaseRequest request = requests.findById(requestId).orElseThrow();
        int asked = jdbc.sql("""
                        insert into satisfaction_survey (request_id, requester, asked_at) values (?, ?, ?)
                        on conflict (request_id) do nothing""")
                .params(requestId, request.requester(), Sql.timestamp(clock.instant()))
                .update();
        if (asked == 1) {
            events.publishEvent(new SatisfactionAsked(requestId));
        }
    }

    /** The survey of a request, if its requester has been asked. */
    public Optional<Survey> of(UUID requestId) {
        return jdbc.sql("select request_id, asked_at, answered_at, score, comment, anonymous from satisfaction_survey where request_id = ?")
                .param(requestId)
                .query((row, n) -> new Survey(row.getObject("request_id", UUID.class), Sql.instant(row, "asked_at"),
                        Sql.instant(row, "answered_at"), row.getObject("score", Integer.class), row.getString("comment"),
                        row.getBoolean("anonymous")))
                .optional();
    }

    /**
     * The requester's answer, once.
     *
     * @throws AccessDeniedException anyone who may read the request but is not its requester
     * @throws ConflictException     not asked yet, or answered before
     */
    @Transactional
    public void answer(UUID requestId, SatisfactionForm form, CurrentUser user) {
        PurchaseRequest request = requests.readable(requestId, user);
        if (!request.requester().equals(user.username())) {
            throw new AccessDeniedException("only the requester answers the survey of " + requestId);
        }
        Survey survey = of(requestId).orElseThrow(() -> new ConflictException("not asked yet", "satisfaction.notAsked"));
        int answered = jdbc.sql("""
                        update satisfaction_survey set answered_at = ?, score = ?, comment = ?, anonymous = ?
                         where request_id = ? and answered_at is null""")
                .params(Sql.timestamp(clock.instant()), form.score(), form.comment(), form.anonymous(), survey.requestId())
                .update();
        if (answered == 0) {
            throw new ConflictException("answered before", "satisfaction.answeredBefore");
        }
    }

    /**
     * The one reminder to requesters who have not answered within {@code indkoeb.satisfaction.remind-after}: found across
     * all municipalities, each sent acting for its own, in a transaction of its own, only while its row still says it is
     * due (a second node, or run, does nothing twice); one that fails does not hold up the others.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT15M")
    void remind() {
        Instant askedBefore = clock.instant().minus(properties.remindAfter());
        List<Due> due = Tenancy.callAcross(() -> jdbc.sql("""
                        select request_id, tenant_id from satisfaction_survey
                         where answered_at is null and reminded_at is null and asked_at <= ? and reminder_failures < ?
                         order by asked_at limit ?""")
                .params(Sql.timestamp(askedBefore), TRIES, BATCH)
                .query((row, n) -> new Due(row.getObject("request_id", UUID.class), row.getString("tenant_id")))
                .list());
        for (Due survey : due) {
            try {
                Tenancy.runAs(survey.municipality(), () -> transactions.executeWithoutResult(status -> {
                    int reminded = jdbc.sql("""
                                    update satisfaction_survey set reminded_at = ?
                                     where request_id = ? and answered_at is null and reminded_at is null""")
                            .params(Sql.timestamp(clock.instant()), survey.requestId())
                            .update();
                    if (reminded == 1) {
                        events.publishEvent(new SatisfactionReminderDue(survey.requestId()));
                    }
                }));
            } catch (RuntimeException e) {
                log.warn("Could not remind the requester of request {} of its satisfaction survey: {}", survey.requestId(), e.toString());
                counted(survey);
            }
        }
    }

    /** A reminder that failed is tried again at most {@link #TRIES} times in all, so that it never blocks the batch. */
    private void counted(Due survey) {
        try {
            Tenancy.runAs(survey.municipality(), () -> jdbc.sql(
                    "update satisfaction_survey set reminder_failures = reminder_failures + 1 where request_id = ?")
                    .param(survey.requestId()).update());
        } catch (RuntimeException e) {
            log.warn("Could not count the failed reminder of request {}: {}", survey.requestId(), e.toString());
        }
    }

    /** The answers given within a period, in the caller's scope, oldest first; anonymous ones without what leads to the requester. */
    public List<Answer> answeredBetween(Instant start, Instant end) {
        return jdbc.sql("""
                        select s.request_id, case when s.anonymous then null else r.reference end as reference,
                               case when s.anonymous then null else r.title end as title,
                               case when s.anonymous then null else r.department end as department,
                               case when s.anonymous then null else s.requester end as requester,
                               s.answered_at, s.score, s.comment
                          from satisfaction_survey s join purchase_request r on r.id = s.request_id
                         where s.answered_at >= ? and s.answered_at < ? order by s.answered_at, s.request_id""")
                .params(Sql.timestamp(start), Sql.timestamp(end))
                .query((row, n) -> new Answer(row.getObject("request_id", UUID.class), row.getString("reference"),
                        row.getString("title"), row.getString("department"), row.getString("requester"),
                        Sql.instant(row, "answered_at"), row.getInt("score"), row.getString("comment")))
                .list();
    }
}
