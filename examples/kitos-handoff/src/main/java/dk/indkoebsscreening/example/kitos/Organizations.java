package dk.indkoebsscreening.example.kitos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which KITOS organisation an event is registered in: the organisation of its municipality ({@code ce_municipality}),
 * from {@code KITOS_ORGANIZATIONS}, or, in an installation of one municipality, the one {@code KITOS_ORGANIZATION_UUID}
 * for every event. An event of a municipality the map does not name has no organisation: registering it in another
 * municipality's register would be wrong, and nothing tells which one is right.
 */
final class Organizations {

    /** The municipality id's form in the events (asyncapi.yaml, {@code ce_municipality}). */
    private static final Pattern MUNICIPALITY = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, UUID> byMunicipality;
    /** The organisation of every event when no map is given. */
    private final UUID single;

    private Organizations(Map<String, UUID> byMunicipality, UUID single) {
        this.byMunicipality = byMunicipality;
        this.single = single;
    }

    /** One organisation for every event, whatever its municipality: an installation of one municipality. */
    static Organizations single(UUID organizationUuid) {
        return new Organizations(Map.of(), organizationUuid);
    }

    /**
     * From the two variables: exactly one must be set.
     *
     * @param map    {@code KITOS_ORGANIZATIONS}, e.g. {@code nordby=<uuid>,sydby=<uuid>}, or null
     * @param single {@code KITOS_ORGANIZATION_UUID}, or null
     * @throws IllegalArgumentException saying what to change; never starts with a guess
     */
    static Organizations of(String map, String single) {
        boolean hasMap = map != null && !map.isBlank();
        boolean hasSingle = single != null && !single.isBlank();
        if (hasMap && hasSingle) {
            throw new IllegalArgumentException("Set either KITOS_ORGANIZATIONS (several municipalities) or "
                    + "KITOS_ORGANIZATION_UUID (one municipality), not both: with both it is unclear which organisation "
                    + "an event belongs to");
        }
        if (hasSingle) {
            return single(uuid(single.strip(), "KITOS_ORGANIZATION_UUID"));
        }
        if (!hasMap) {
            throw new IllegalArgumentException("Set KITOS_ORGANIZATIONS (municipality=organisation-uuid,…) or "
                    + "KITOS_ORGANIZATION_UUID (see README.md)");
        }
        Map<String, UUID> byMunicipality = new LinkedHashMap<>();
        for (String entry : map.split(",", -1)) {
            String[] parts = entry.split("=", -1);
            String municipality = parts[0].strip();
            if (parts.length != 2 || !MUNICIPALITY.matcher(municipality).matches()) {
                throw new IllegalArgumentException("KITOS_ORGANIZATIONS: \"" + entry.strip() + "\" is not "
                        + "municipality=organisation-uuid (a municipality's id as in the events' ce_municipality, e.g. "
                        + "nordby=3fa85f64-5717-4562-b3fc-2c963f66afa6; entries separated by commas)");
            }
            UUID organization = uuid(parts[1].strip(), "KITOS_ORGANIZATIONS: the organisation of " + municipality);
            if (byMunicipality.put(municipality, organization) != null) {
                throw new IllegalArgumentException("KITOS_ORGANIZATIONS names " + municipality + " twice");
            }
        }
        return new Organizations(Collections.unmodifiableMap(byMunicipality), null); // in the given order, as printed
    }

    /** @param municipality the event's {@code ce_municipality}, or null when it has none */
    Optional<UUID> of(String municipality) {
        if (single != null) {
            return Optional.of(single);
        }
        return municipality == null ? Optional.empty() : Optional.ofNullable(byMunicipality.get(municipality));
    }

    /** The printed line when an event gets no organisation: says what to change if the event was meant to go in. */
    static String notMapped(String municipality) {
        return (municipality == null ? "the event names no municipality (no ce_municipality header)"
                : "municipality " + municipality + " is not in KITOS_ORGANIZATIONS")
               + ": skipped, registered in no organisation";
    }

    @Override
    public String toString() {
        return single != null ? "organisation " + single : "the organisations " + byMunicipality;
    }

    private static UUID uuid(String value, String what) {
        // UUID.fromString also takes short forms such as 1-2-3-4-5, which no KITOS organisation has
        if (!UUID_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is not a UUID: \"" + value + "\"");
        }
        return UUID.fromString(value);
    }
}
