package dk.indkoebsscreening.satisfaction;

import java.util.UUID;

/** The requester has not answered the question on their satisfaction: the one reminder. */
public record SatisfactionReminderDue(UUID requestId) {
}
