package dk.indkoebsscreening.request;

import dk.indkoebsscreening.security.CurrentUser;
import java.util.List;
import java.util.UUID;

/**
 * Systems the municipality has and earlier requests like the system asked for: shown on the request form and at
 * triage. Implemented by the system register, which depends on this module, not the other way round.
 */
public interface DuplicateCheck {

    /**
     * @param except the request being triaged, so that it does not find itself; null at intake
     * @param viewer who asks: someone outside the expert group learns of other people's requests only the system,
     *               the vendor and the status, as on no other page
     * @throws dk.indkoebsscreening.system.InvalidInputException for a name or vendor longer than any request holds
     *         ({@link #isSearchable}): scoring every name against a 2 MB one held the database for minutes
     */
    Matches like(String systemName, String vendor, UUID except, CurrentUser viewer);

    /** Whether {@link #like} takes these: no name or vendor longer than a request's. */
    static boolean isSearchable(String systemName, String vendor) {
        return (systemName == null || systemName.length() <= PurchaseRequestForm.NAME_LENGTH)
                && (vendor == null || vendor.length() <= PurchaseRequestForm.NAME_LENGTH);
    }

    /** A registered system like the one asked for; {@code requestReference} when it came from an approved request. */
    record RegisteredMatch(UUID id, String name, String vendor, String department, boolean retired,
                           String requestReference) {
    }

    /**
     * An earlier request like this one, without its requester; {@code id}, {@code reference}, {@code title} and
     * {@code department} are null when the viewer may not read the request.
     */
    record RequestMatch(UUID id, String reference, String title, String systemName, String vendor, String department,
                        RequestStatus status) {

        public boolean readable() {
            return id != null;
        }
    }

    record Matches(List<RegisteredMatch> registered, List<RequestMatch> requests) {

        public static Matches none() {
            return new Matches(List.of(), List.of());
        }

        public boolean isEmpty() {
            return registered.isEmpty() && requests.isEmpty();
        }
    }
}
