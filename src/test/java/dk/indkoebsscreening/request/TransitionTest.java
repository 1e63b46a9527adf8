package dk.indkoebsscreening.request;

import java.util.List;
import static dk.indkoebsscreening.request.RequestStatus.APPROVED;
import static dk.indkoebsscreening.request.RequestStatus.APPROVED_WITH_CONDITIONS;
import static dk.indkoebsscreening.request.RequestStatus.CONDITIONS_MET;
import static dk.indkoebsscreening.request.RequestStatus.AWAITING_DECISION;
import static dk.indkoebsscreening.request.RequestStatus.AWAITING_INFORMATION;
import static dk.indkoebsscreening.request.RequestStatus.IN_SCREENING;
import static dk.indkoebsscreening.request.RequestStatus.IN_TRIAGE;
import static dk.indkoebsscreening.request.RequestStatus.REJECTED;
import static dk.indkoebsscreening.request.RequestStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle's table, written out again from the model (bpmn/PurchaseScreeningProcess.bpmn): every transition from
 * every status, allowed or refused.
 */
class TransitionTest {

    private static final Map<Transition, Set<RequestStatus>> ALLOWED_FROM = Map.of(
            Transition.SUBMITTED, Set.of(),
            Transition.QUESTION_ASKED, Set.of(IN_TRIAGE),
            Transition.QUESTION_ANSWERED, Set.of(AWAITING_INFORMATION),
            Transition.SCREENING_STARTED, Set.of(IN_TRIAGE),
            Transition.SCREENED, Set.of(IN_SCREENING),
            Transition.DECIDED_APPROVED, Set.of(AWAITING_DECISION),
            Transition.DECIDED_APPROVED_WITH_CONDITIONS, Set.of(AWAITING_DECISION),
            Transition.DECIDED_REJECTED, Set.of(IN_TRIAGE, AWAITING_DECISION),
            Transition.WITHDRAWN_BY_REQUESTER, Set.of(IN_TRIAGE, AWAITING_INFORMATION, IN_SCREENING, AWAITING_DECISION),
            Transition.CONDITIONS_SETTLED, Set.of(APPROVED_WITH_CONDITIONS));

    private static final Map<Transition, RequestStatus> TO = Map.of(
            Transition.SUBMITTED, IN_TRIAGE,
            Transition.QUESTION_ASKED, AWAITING_INFORMATION,
            Transition.QUESTION_ANSWERED, IN_TRIAGE,
            Transition.SCREENING_STARTED, IN_SCREENING,
            Transition.SCREENED, AWAITING_DECISION,
            Transition.DECIDED_APPROVED, APPROVED,
            Transition.DECIDED_APPROVED_WITH_CONDITIONS, APPROVED_WITH_CONDITIONS,
            Transition.DECIDED_REJECTED, REJECTED,
            Transition.WITHDRAWN_BY_REQUESTER, WITHDRAWN,
            Transition.CONDITIONS_SETTLED, CONDITIONS_MET);

    private final RequestLifecycle lifecycle = new RequestLifecycle(null, null, null, null);

    static Stream<Arguments> everyTransitionFromEveryStatus() {
        return Arrays.stream(Transition.values())
                .flatMap(transition -> Arrays.stream(RequestStatus.values()).map(status -> Arguments.of(transition, status)));
    }

    @Test
    void theTableHoldsExactlyTheTransitionsOfTheModel() {
        assertThat(Transition.values()).containsExactlyInAnyOrderElementsOf(ALLOWED_FROM.keySet());
        for (Transition transition : Transition.values()) {
            assertThat(transition.to()).as(transition.name()).isEqualTo(TO.get(transition));
            assertThat(transition.from()).as(transition.name()).containsExactlyInAnyOrderElementsOf(ALLOWED_FROM.get(transition));
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyTransitionFromEveryStatus")
    void aTransitionIsAllowedFromItsStatusesAndRefusedFromEveryOther(Transition transition, RequestStatus status) {
        boolean allowed = ALLOWED_FROM.get(transition).contains(status);
        assertThat(transition.allowedFrom(status)).isEqualTo(allowed);
        PurchaseRequest request = requestIn(status);
        if (allowed) {
            assertThatCode(() -> lifecycle.requireAllowed(request, transition)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> lifecycle.requireAllowed(request, transition))
                    .as("a conflict, answered 409 on the pages and the API")
                    .isInstanceOf(IllegalTransitionException.class).isInstanceOf(ConflictException.class)
                    .hasMessageContaining(status.name()).hasMessageContaining(transition.name());
        }
    }

    /** An approval with conditions is decided, yet its conditions still settle; nothing else changes a closed request. */
    @Test
    void aClosedRequestChangesNoMoreAndEveryOpenOneCanStillBeWithdrawn() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(Arrays.stream(Transition.values()).anyMatch(transition -> transition.allowedFrom(status)))
                    .as(status.name()).isEqualTo(!status.isClosed() || status == APPROVED_WITH_CONDITIONS);
            assertThat(Transition.WITHDRAWN_BY_REQUESTER.allowedFrom(status)).as(status.name()).isEqualTo(!status.isClosed());
        }
    }

    @Test
    void aDecisionsOutcomeIsTheRequestsFinalStatus() {
        for (Verdict outcome : Verdict.values()) {
            assertThat(Transition.decided(outcome).to().name()).isEqualTo(outcome.name());
            assertThat(Transition.decided(outcome).to().isDecided()).isTrue();
        }
    }

    static PurchaseRequest requestIn(RequestStatus status) {
        return new PurchaseRequest(UUID.randomUUID(), "IND-2026-0001", "Titel", "System", "Leverandør", "Behov", "Afdeling",
                "anna", BigDecimal.ZERO, BigDecimal.ZERO, 1, 1, List.of(PersonalData.NONE), Hosting.ON_PREMISES, null, null, null,
                null, status, Instant.EPOCH, Instant.EPOCH, null, null, null, null, null);
    }
}
