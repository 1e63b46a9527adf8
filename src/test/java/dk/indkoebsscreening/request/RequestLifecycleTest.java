package dk.indkoebsscreening.request;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle against the real table: the status a transition finds is the one the database holds when it updates,
 * so of two steps racing for one request only the first passes. The request here has no process: only its row.
 */
class RequestLifecycleTest extends ApiTestBase {

    @Autowired
    RequestLifecycle lifecycle;

    @Autowired
    RequestRepository repository;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transaction;
    private UUID id;

    @BeforeEach
    void aRequestWithoutProcess() {
        transaction = new TransactionTemplate(transactionManager);
        id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> repository.insert(new PurchaseRequest(id, repository.nextReference(2026),
                "Livscyklus", "Livscyklus", "Leverandør", "Behov", "Afdeling", "livscyklus", BigDecimal.ZERO, BigDecimal.ZERO,
                1, 1, List.of(PersonalData.NONE), Hosting.ON_PREMISES, null, null, null, null, Transition.SUBMITTED.to(),
                Instant.now(), Instant.now(), null, null, null, null, null), null, null));
    }

    @AfterEach
    void closed() {
        setStatus(RequestStatus.WITHDRAWN);
    }

    @Test
    void everyTransitionFromEveryStatusChangesTheRowOnlyWhenTheTableAllowsIt() {
        for (Transition transition : Transition.values()) {
            for (RequestStatus from : RequestStatus.values()) {
                setStatus(from);
                String what = transition + " from " + from;
                if (transition.allowedFrom(from)) {
                    transaction.executeWithoutResult(status -> lifecycle.transition(id, transition));
                    assertThat(status()).as(what).isEqualTo(transition.to());
                } else {
                    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> lifecycle.transition(id, transition)))
                            .as(what).isInstanceOf(IllegalTransitionException.class).hasMessageContaining(from.name());
                    assertThat(status()).as(what + " changes nothing").isEqualTo(from);
                }
            }
        }
        assertThat(Arrays.stream(Transition.values()).mapToLong(transition -> Arrays.stream(RequestStatus.values())
                .filter(transition::allowedFrom).count()).sum()).as("allowed pairs walked").isEqualTo(13);
    }

    @Test
    void anUnknownRequestIsNotFound() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                lifecycle.transition(UUID.randomUUID(), Transition.QUESTION_ASKED))).isInstanceOf(RequestNotFoundException.class);
    }

    /**
     * The decision and a withdrawal of the same request at once, neither holding the request's lock: the withdrawal's
     * update waits for the decision's row, finds it decided when that commits, and is refused.
     */
    @Test
    void ofTwoConcurrentStepsOnlyTheFirstPasses() throws Exception {
        setStatus(RequestStatus.AWAITING_DECISION);
        ExecutorService steps = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch decided = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> decision = steps.submit(() -> transaction.executeWithoutResult(status -> {
                lifecycle.transition(id, Transition.DECIDED_APPROVED);
                decided.countDown();
                await(commit);
            }));
            assertThat(decided.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> withdrawal = steps.submit(() -> transaction.executeWithoutResult(status ->
                    lifecycle.transition(id, Transition.WITHDRAWN_BY_REQUESTER)));
            Eventually.until("the withdrawal waits for the decision's row", () -> jdbc.sql("""
                            select count(*) from pg_stat_activity
                             where wait_event_type = 'Lock' and query like 'update purchase_request set status%'
                            """).query(Integer.class).single() > 0);
            commit.countDown();
            decision.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> withdrawal.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalTransitionException.class).hasMessageContaining("APPROVED");
            assertThat(status()).isEqualTo(RequestStatus.APPROVED);
        } finally {
            steps.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Set by hand, as no step may: the test's starting point. */
    private void setStatus(RequestStatus status) {
        jdbc.sql("update purchase_request set status = ? where id = ?").params(status.name(), id).update();
    }

    private RequestStatus status() {
        return RequestStatus.valueOf(jdbc.sql("select status from purchase_request where id = ?").param(id).query(String.class).single());
    }
}
