package dk.indkoebsscreening.scope;

import java.time.Instant;

/**
 * A request's scope: what the tables proposed at submission and, from triage on, what the coordinator confirmed.
 *
 * @param confirmed null while the request waits for triage
 * @param reason    the coordinator's reason for a scope other than the proposal, else null
 */
public record RequestScope(Scope proposed, Scope confirmed, String reason, String confirmedBy, Instant confirmedAt) {

    /** The scope in force: the confirmed one once triage accepted the request, the proposal until then. */
    public Scope current() {
        return confirmed != null ? confirmed : proposed;
    }

    public boolean confirmedAtTriage() {
        return confirmed != null;
    }

    /** The coordinator chose other areas or flags than the tables proposed. */
    public boolean changed() {
        return confirmed != null && !confirmed.equals(proposed);
    }
}
