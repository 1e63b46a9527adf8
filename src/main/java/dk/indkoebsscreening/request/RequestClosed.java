package dk.indkoebsscreening.request;

import java.util.UUID;

/**
 * The request was decided or withdrawn: nothing more happens to it. Published by {@link RequestLifecycle} in the
 * transaction of the step that closed it, for the modules whose open business with the request ends with it.
 */
public record RequestClosed(UUID requestId) {
}
