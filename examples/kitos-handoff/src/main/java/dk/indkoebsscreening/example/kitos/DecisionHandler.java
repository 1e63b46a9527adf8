package dk.indkoebsscreening.example.kitos;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.example.kitos.KitosClient.ItSystem;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Hands one {@code decision.made.v1} event to KITOS: an approved purchase is registered as a system the
 * municipality uses. Each event id is acted on once.
 *
 * <p>A {@link KitosClient.KitosException} (KITOS down, 5xx, refused login, …) leaves the event
 * unrecorded, so the caller can try it again; every other outcome is final and recorded.
 */
final class DecisionHandler {

    enum Status {
        REGISTERED,
        ALREADY_IN_USE,
        /** KITOS's catalogue has no single system for the name: a person must pick it. */
        REGISTER_BY_HAND,
        NOT_APPROVED,
        ALREADY_HANDLED,
        /** Of a municipality without an organisation in the configuration: registered nowhere. */
        OTHER_MUNICIPALITY,
        /** Not a decision payload; trying again cannot help. */
        INVALID_PAYLOAD
    }

    record Result(Status status, String message) {
    }

    /** The fields of decision-made.v1.json this consumer uses; the schema has more, all ignored. */
    record Decision(String reference, String systemName, String vendor, String outcome,
                    List<String> conditions, String decidedAt, String report) {
    }

    private final KitosClient kitos;
    private final Organizations organizations;
    private final ProcessedEventIds processed;
    // Consumers must ignore fields they do not know (docs/events.md): optional fields can be added within v1.
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    DecisionHandler(KitosClient kitos, Organizations organizations, ProcessedEventIds processed) {
        this.kitos = kitos;
        this.organizations = organizations;
        this.processed = processed;
    }

    /**
     * @param eventId      the CloudEvents id ({@code ce_id}); a redelivery has the same id
     * @param municipality the municipality whose decision it is ({@code ce_municipality}), or null
     */
    Result handle(String eventId, String municipality, byte[] payload) {
        if (processed.contains(eventId)) {
            return new Result(Status.ALREADY_HANDLED, "event " + eventId + " was handled before");
        }
        Result result = organizations.of(municipality)
                .map(organization -> act(organization, payload))
                .orElseGet(() -> new Result(Status.OTHER_MUNICIPALITY, Organizations.notMapped(municipality)));
        processed.add(eventId); // only after KITOS answered: a crash before this repeats the POST, and 409 absorbs that
        return result;
    }

    private Result act(UUID organization, byte[] payload) {
        Decision decision;
        try {
            decision = payload == null ? null : json.readValue(payload, Decision.class);
        } catch (IOException e) {
            return new Result(Status.INVALID_PAYLOAD, "not a decision.made.v1 payload: " + e.getMessage());
        }
        if (decision == null || decision.reference() == null || decision.systemName() == null
                || decision.systemName().isBlank() || decision.outcome() == null) {
            return new Result(Status.INVALID_PAYLOAD, "not a decision.made.v1 payload: reference, systemName or outcome missing");
        }
        String request = decision.reference() + " (" + decision.systemName() + ")";
        if (!decision.outcome().equals("APPROVED") && !decision.outcome().equals("APPROVED_WITH_CONDITIONS")) {
            return new Result(Status.NOT_APPROVED, request + ": " + decision.outcome() + ", nothing to register");
        }

        List<ItSystem> found = kitos.findSystems(decision.systemName().strip());
        ItSystem system = choose(decision.systemName(), found);
        if (system == null) {
            String why = found.isEmpty()
                    ? "no system in KITOS's catalogue has a name containing \"" + decision.systemName() + "\""
                    : "not unambiguous in KITOS's catalogue (" + found.size() + " matches: "
                      + found.stream().map(ItSystem::name).collect(Collectors.joining(", ")) + ")";
            return new Result(Status.REGISTER_BY_HAND, request + " from " + decision.vendor() + ": " + why
                    + ": register by hand");
        }

        String inKitos = "KITOS system \"" + system.name() + "\" " + system.uuid();
        return switch (kitos.registerUsage(system.uuid(), organization, notes(decision))) {
            case CREATED -> new Result(Status.REGISTERED, request + ": registered " + inKitos + " as used by organisation "
                    + organization);
            case ALREADY_IN_USE -> new Result(Status.ALREADY_IN_USE, request + ": organisation " + organization
                    + " already uses " + inKitos);
        };
    }

    /**
     * An exact name (case ignored) wins; otherwise a single hit is taken; otherwise nothing, because
     * registering the wrong system in the municipality's register is worse than asking a person.
     */
    static ItSystem choose(String systemName, List<ItSystem> found) {
        String wanted = systemName.strip().toLowerCase(Locale.ROOT);
        List<ItSystem> exact = found.stream()
                .filter(system -> system.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        return exact.isEmpty() && found.size() == 1 ? found.get(0) : null;
    }

    /** KITOS's free-text note on the usage (general.notes): where the registration came from. */
    static String notes(Decision decision) {
        StringBuilder notes = new StringBuilder("Registreret af Indkøbsscreening: ")
                .append(decision.reference())
                .append(decision.outcome().equals("APPROVED") ? " godkendt" : " godkendt med betingelser");
        if (decision.decidedAt() != null && decision.decidedAt().length() >= 10) {
            notes.append(' ').append(decision.decidedAt(), 0, 10);
        }
        notes.append('.');
        if (decision.conditions() != null && !decision.conditions().isEmpty()) {
            notes.append("\nBetingelser:");
            decision.conditions().forEach(condition -> notes.append("\n- ").append(condition));
        }
        if (decision.report() != null) {
            notes.append("\nScreeningsrapport: ").append(decision.report());
        }
        return notes.toString();
    }
}
