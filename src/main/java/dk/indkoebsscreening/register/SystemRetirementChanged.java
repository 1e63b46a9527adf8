package dk.indkoebsscreening.register;

import java.util.UUID;

/** A system was marked as retired (by a coordinator or a KITOS import), or as in use again: published in that transaction. */
public record SystemRetirementChanged(UUID systemId, boolean retired) {
}
