package dk.indkoebsscreening.request;

import java.util.UUID;

/**
 * A request was submitted and waits for triage. Published in the submission's transaction, for the modules
 * that react to it in that same transaction (notifications): it exists exactly when the request does.
 */
public record RequestReceived(UUID requestId) {
}
