package dk.indkoebsscreening.request;

import java.util.List;
import java.util.UUID;

/**
 * Systems the municipality has and earlier requests like the system asked for: shown on the request form and at
 * triage. Implemented by the system register, which depends on this module, not the other way round.
 */
public interface DuplicateCheck {

    /**
     * @param except the request being triaged, so that it does not find itself; null at intake
     */
    Matches like(String systemName, String vendor, UUID except);

    /** A registered system like the one asked for; {@code requestReference} when it came from an approved request. */
    record RegisteredMatch(UUID id, String name, String vendor, String department, boolean retired,
                           String requestReference) {
    }

    /** An earlier request like this one, without its requester. */
    record RequestMatch(UUID id, String reference, String title, String systemName, String vendor, String department,
                        RequestStatus status) {
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
