package dk.indkoebsscreening.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A data processor of a registered system, and when it is next supervised.
 *
 * @param cvr             the Danish company number, when known
 * @param processing      what it processes for the municipality
 * @param subProcessorOf  the processor it is a sub-processor of, else null
 * @param intervalMonths  how often it is supervised; the next date after a supervision is that many months on
 * @param removedAt       when it stopped processing for the system (its supervisions are kept), else null
 */
public record DataProcessor(UUID id, UUID systemId, String name, String cvr, String processing, UUID subProcessorOf,
                            SupervisionMethod method, int intervalMonths, LocalDate nextDue, Instant removedAt,
                            String removedBy, Instant createdAt, Instant updatedAt, String updatedBy) {

    public boolean removed() {
        return removedAt != null;
    }

    /** The same processor, still processing, supervised every {@code intervalMonths} and next on {@code nextDue}. */
    DataProcessor rescheduled(int intervalMonths, LocalDate nextDue, Instant at, String by) {
        return new DataProcessor(id, systemId, name, cvr, processing, subProcessorOf, method, intervalMonths, nextDue, null,
                null, createdAt, at, by);
    }
}
