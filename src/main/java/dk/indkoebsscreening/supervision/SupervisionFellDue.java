package dk.indkoebsscreening.supervision;

import java.util.UUID;

/**
 * A data processor's supervision fell due and the security group gets its task: published in that transaction, with
 * the system as the mail names it.
 */
public record SupervisionFellDue(UUID systemId, String systemName, String vendor, DataProcessor processor) {
}
