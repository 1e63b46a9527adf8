package dk.indkoebsscreening.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A system the municipality has (or had: {@code retiredAt}).
 *
 * @param requestId        the approved request it came from, else null
 * @param requestReference that request's reference, else null
 * @param kitosUuid        the system in KITOS's catalogue, when known
 */
public record RegisteredSystem(UUID id, String name, String localName, String vendor, String department,
                               BigDecimal contractValueDkk, Integer contractYears, String personalData, String hosting,
                               List<String> conditions, UUID requestId, String requestReference, UUID kitosUuid,
                               String localId, RegisterSource source, String note, Instant retiredAt, String retiredBy,
                               Instant createdAt, Instant updatedAt, String updatedBy) {

    public boolean retired() {
        return retiredAt != null;
    }
}
