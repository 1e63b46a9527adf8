package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.request.RequestStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * conditions.settled.v1: every condition of an approval with conditions is verified or waived; the request reads
 * "Godkendt – betingelser opfyldt".
 */
record ConditionsSettled(UUID requestId, String reference, int verified, int waived, RequestStatus statusBefore,
                         RequestStatus status, Instant settledAt) {
}
