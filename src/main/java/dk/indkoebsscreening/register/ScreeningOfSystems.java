package dk.indkoebsscreening.register;

import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Systems that came into the register without a screening: a KITOS import or a coordinator's entry that no request of
 * ours screened. The steering group asks about them; a coordinator links one to the request that did screen it, or marks
 * it exempt with a reason (a renewal of an old contract, a free tool, a system bought before the screening began).
 */
@Service
public class ScreeningOfSystems {

    /** The message of {@link PlainText}, for the reason given outside a form record. */
    private static final String PLAIN_TEXT_MESSAGE = "field.controlCharacters";

    /** The statuses of an approval: a request that screened a system approved it. */
    private static final Set<RequestStatus> APPROVED = EnumSet.of(RequestStatus.APPROVED, RequestStatus.APPROVED_WITH_CONDITIONS,
            RequestStatus.CONDITIONS_MET);

    /** The longest reason for an exemption. */
    static final int REASON_LENGTH = 1000;

    /** Why a system needs no screening, who said so, when. */
    public record Exemption(String reason, String by, Instant at) {
    }

    /** The approved request that screened a system registered otherwise (its own row is the approval's). */
    public record ScreenedBy(UUID requestId, String reference) {
    }

    /** A system registered within a period that no screening covers and nobody exempted. */
    public record Unscreened(UUID id, String name, String vendor, String department, RegisterSource source, Instant registeredAt,
                             String municipality) {
    }

    private final JdbcClient jdbc;
    private final Requests requests;
    private final Clock clock;

    ScreeningOfSystems(JdbcClient jdbc, Requests requests, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.clock = clock;
    }

    public Optional<Exemption> exemption(UUID systemId) {
        return jdbc.sql("""
                        select screening_exempt_reason, screening_exempt_by, screening_exempt_at from registered_system
                         where id = ? and screening_exempt_reason is not null""")
                .param(systemId)
                .query((row, n) -> new Exemption(row.getString(1), row.getString(2), Sql.instant(row, "screening_exempt_at")))
                .optional();
    }

    public Optional<ScreenedBy> screenedBy(UUID systemId) {
        return jdbc.sql("""
                        select r.id, r.reference from registered_system s join purchase_request r on r.id = s.screened_by_request_id
                         where s.id = ?""")
                .param(systemId)
                .query((row, n) -> new ScreenedBy(row.getObject("id", UUID.class), row.getString("reference")))
                .optional();
    }

    /**
     * The approved request that screened the system, by its reference: one of the municipality's (row-level security
     * hides the others'). A system of an approval of ours needs none; a link replaces an exemption.
     */
    @Transactional
    public void link(UUID systemId, String reference, CurrentUser user) {
        requireCoordinator(user);
        String typed = Text.orNull(reference);
        if (typed == null) {
            throw InvalidInputException.of("reference", "register.screening.reference.required");
        }
        PurchaseRequest request = (typed.length() > 40 ? Optional.<PurchaseRequest>empty()
                : requests.findByReference(typed.strip().toUpperCase(Locale.ROOT)))
                .orElseThrow(() -> InvalidInputException.of("reference", "register.screening.reference.unknown", typed));
        if (!APPROVED.contains(request.status())) {
            throw InvalidInputException.of("reference", "register.screening.reference.notApproved", request.reference());
        }
        int changed = jdbc.sql("""
                        update registered_system set screened_by_request_id = ?, screening_exempt_reason = null,
                               screening_exempt_by = null, screening_exempt_at = null, updated_at = ?, updated_by = ?
                         where id = ? and request_id is null""")
                .params(request.id(), Sql.timestamp(clock.instant()), user.username(), systemId)
                .update();
        requireFound(changed, systemId);
    }

    /** Needs no screening, for this reason; a system a request screened is not exempted. */
    @Transactional
    public void exempt(UUID systemId, String reason, CurrentUser user) {
        requireCoordinator(user);
        String given = Text.orNull(reason);
        if (given == null) {
            throw InvalidInputException.of("reason", "register.screening.reason.required");
        }
        if (given.length() > REASON_LENGTH) {
            throw InvalidInputException.of("reason", "register.screening.reason.tooLong", REASON_LENGTH);
        }
        if (!PlainText.Validator.accepts(given, true)) {
            throw InvalidInputException.of("reason", PLAIN_TEXT_MESSAGE);
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        update registered_system set screening_exempt_reason = ?, screening_exempt_by = ?, screening_exempt_at = ?,
                               screened_by_request_id = null, updated_at = ?, updated_by = ? where id = ? and request_id is null""")
                .params(given.strip(), user.username(), Sql.timestamp(now), Sql.timestamp(now), user.username(), systemId)
                .update();
        requireFound(changed, systemId);
    }

    /** The systems registered in a period without a screening or an exemption, in the caller's scope, oldest first. */
    public List<Unscreened> unscreened(Instant start, Instant end) {
        return jdbc.sql("""
                        select id, name, vendor, department, source, created_at, tenant_id from registered_system
                         where request_id is null and screened_by_request_id is null and screening_exempt_reason is null
                           and created_at >= ? and created_at < ?
                         order by created_at, id""")
                .params(Sql.timestamp(start), Sql.timestamp(end))
                .query((row, n) -> new Unscreened(row.getObject("id", UUID.class), row.getString("name"), row.getString("vendor"),
                        row.getString("department"), RegisterSource.valueOf(row.getString("source")),
                        Sql.instant(row, "created_at"), row.getString("tenant_id")))
                .list();
    }

    private static void requireCoordinator(CurrentUser user) {
        if (!user.isCoordinator()) {
            throw new AccessDeniedException("only coordinators say how a system was screened");
        }
    }

    private static void requireFound(int changed, UUID systemId) {
        if (changed == 0) {
            throw new NotFoundException("system " + systemId);
        }
    }
}
