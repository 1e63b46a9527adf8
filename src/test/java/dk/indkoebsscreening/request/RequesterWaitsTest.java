package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.request.RequesterWaits.Wait;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The bookkeeping of waiting for the requester against the real table: overlapping waits count once. */
class RequesterWaitsTest extends ApiTestBase {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Autowired
    RequesterWaits waits;

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
                "Venter", "Venter", "Leverandør", "Behov", "Afdeling", "venter", BigDecimal.ZERO, BigDecimal.ZERO,
                1, 1, PersonalData.NONE, Hosting.ON_PREMISES, null, null, null, null, Transition.SUBMITTED.to(),
                at(2026, 12, 1, 9), at(2026, 12, 8, 16), null, null), null, null));
    }

    @Test
    void overlappingWaitsCountOnceFromTheFirstStartToTheLastEnd() {
        // Tuesday 1 December to Friday 4 December: three working days, whichever wait ends in between.
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 1, 10)));
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 2, 10)));
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 3, 10)));
        assertThat(waits.waiting(id)).as("one wait is still open").isTrue();
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 4, 10)));

        assertThat(waits.waiting(id)).isFalse();
        assertThat(waits.of(id)).containsExactly(new Wait(at(2026, 12, 1, 10), at(2026, 12, 4, 10), 3, true));
    }

    @Test
    void aWaitAnsweredTheSameDayLastsNoWorkingDayAndOneOverAWeekendOne() {
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 1, 9)));
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 1, 15)));
        // Friday 4 December to Monday 7 December.
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 4, 15)));
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 7, 8)));

        assertThat(waits.of(id)).extracting(Wait::workingDays).containsExactly(0, 1);
    }

    @Test
    void aWaitThatNeverStartedCannotEnd() {
        assertThatThrownBy(() -> inTransaction(() -> waits.waitEnded(id, at(2026, 12, 1, 9))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(waits.of(id)).isEmpty();
    }

    private void inTransaction(Runnable step) {
        transaction.executeWithoutResult(status -> step.run());
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDate.of(year, month, day).atTime(LocalTime.of(hour, 0)).atZone(COPENHAGEN).toInstant();
    }
}
