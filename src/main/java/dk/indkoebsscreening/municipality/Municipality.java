package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.process.Area;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One municipality of the installation and its settings.
 *
 * @param id                    its tenant in the database and the engine ({@link dk.indkoebsscreening.system.Tenancy}), kept once chosen
 * @param name                  e.g. "Nordby Kommune": on the report, the vendor's pages and mails
 * @param logoText              the report's letterhead line above the name, if any (e.g. "Digitalisering og IT")
 * @param cvr                   its CVR number (8 digits), if given
 * @param mailSender            the sender of its mails, e.g. {@code Indkøbsscreening <indkoeb@nordby.dk>}
 * @param kitosOrganisationUuid its organisation in KITOS, if known
 * @param dpiaMinUsers          from how many expected users a request with ordinary personal data likely needs a DPIA
 * @param fastTrackMaxValueDkk  the highest total contract value a request may have to be fast-tracked
 * @param accessibilityContact  whom its users tell about accessibility problems, if anyone yet
 * @param eventsSource          the CloudEvents {@code source} of its events
 * @param groupMailboxes        a group's shared address (group id to address): the group's mails go there instead of to each member
 * @param sharedAreas           the areas the shared IT-service organisation's experts screen for it (its own experts the others)
 */
public record Municipality(String id, String name, String logoText, String cvr, String mailSender, UUID kitosOrganisationUuid,
                           int dpiaMinUsers, BigDecimal fastTrackMaxValueDkk, String accessibilityContact, URI eventsSource,
                           Map<String, String> groupMailboxes, Set<Area> sharedAreas, Instant createdAt, Instant updatedAt) {

    public Municipality {
        groupMailboxes = Map.copyOf(groupMailboxes);
        sharedAreas = sharedAreas.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(sharedAreas));
    }
}
