package dk.indkoebsscreening.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One supervision of a data processor, as the security group recorded it.
 *
 * @param due          the date it was due
 * @param supervisedOn the day it was recorded, from which the next date is counted
 * @param evidence     what was looked at (a report, an inspection's notes)
 */
public record Supervision(UUID id, UUID processorId, SupervisionMethod method, SupervisionResult result, String evidence,
                          LocalDate due, LocalDate supervisedOn, LocalDate nextDue, String recordedBy, Instant recordedAt) {
}
