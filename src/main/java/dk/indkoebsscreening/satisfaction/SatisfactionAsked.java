package dk.indkoebsscreening.satisfaction;

import java.util.UUID;

/** The requester is asked how satisfied they are with the screening of their request (the mail, in its transaction). */
public record SatisfactionAsked(UUID requestId) {
}
