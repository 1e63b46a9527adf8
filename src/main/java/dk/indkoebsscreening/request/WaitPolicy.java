package dk.indkoebsscreening.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the screening week pauses while the request waits for its requester
 * ({@code indkoeb.deadline.pause-while-waiting-for-requester}, default true). Kept beside {@link RequesterWaits}, which
 * moves the deadline by it (the request's page only says that the date moves), under the deadline's prefix where an
 * operator looks for it.
 */
@ConfigurationProperties("indkoeb.deadline")
public record WaitPolicy(@DefaultValue("true") boolean pauseWhileWaitingForRequester) {
}
