package dk.indkoebsscreening.example.kitos;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.indkoebsscreening.example.kitos.KitosClient.DataProcessingRegistration;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hands one {@code supervision.recorded.v1} event to KITOS: the supervision of a data processor is written into the
 * oversight of the system's data processing registration (KITOS API v2, {@code DataProcessingRegistrationOversight…}):
 * {@code oversightInterval}, {@code isOversightCompleted}, {@code oversightScheduledInspectionDate} (the next date) and
 * one more entry in {@code oversightDates} ({@code completedAt}, {@code remark}). Each event id is acted on once.
 *
 * <p>As with a decision, a {@link KitosClient.KitosException} leaves the event unrecorded, to be tried again.
 */
final class SupervisionHandler {

    enum Status {
        RECORDED,
        /** The system has no KITOS UUID in the register, or KITOS has no single registration for it: a person decides. */
        RECORD_BY_HAND,
        ALREADY_HANDLED,
        /** Of a municipality without an organisation in the configuration: recorded nowhere. */
        OTHER_MUNICIPALITY,
        INVALID_PAYLOAD
    }

    record Result(Status status, String message) {
    }

    /** The fields of supervision-recorded.v1.json this consumer uses; the schema has more, all ignored. */
    record SupervisionRecorded(String systemName, UUID kitosUuid, String processorName, String method, Integer intervalMonths,
                               String result, String supervisedOn, String nextDue) {
    }

    /** KITOS's OversightIntervalChoice by months; any other interval is "Other", with the months in the remark. */
    static final Map<Integer, String> INTERVALS = Map.of(6, "BiYearly", 12, "Yearly", 24, "EveryOtherYear");
    private static final Map<String, String> RESULTS = Map.of("NO_REMARKS", "ingen bemærkninger", "REMARKS", "bemærkninger",
            "CRITICAL", "kritiske bemærkninger");

    private final KitosClient kitos;
    private final Organizations organizations;
    private final ProcessedEventIds processed;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    SupervisionHandler(KitosClient kitos, Organizations organizations, ProcessedEventIds processed) {
        this.kitos = kitos;
        this.organizations = organizations;
        this.processed = processed;
    }

    /** @param municipality the municipality whose supervision it is ({@code ce_municipality}), or null */
    Result handle(String eventId, String municipality, byte[] payload) {
        if (processed.contains(eventId)) {
            return new Result(Status.ALREADY_HANDLED, "event " + eventId + " was handled before");
        }
        Result result = organizations.of(municipality)
                .map(organization -> act(organization, payload))
                .orElseGet(() -> new Result(Status.OTHER_MUNICIPALITY, Organizations.notMapped(municipality)));
        processed.add(eventId);
        return result;
    }

    private Result act(UUID organization, byte[] payload) {
        SupervisionRecorded supervision;
        try {
            supervision = payload == null ? null : json.readValue(payload, SupervisionRecorded.class);
        } catch (IOException e) {
            return new Result(Status.INVALID_PAYLOAD, "not a supervision.recorded.v1 payload: " + e.getMessage());
        }
        if (supervision == null || supervision.systemName() == null || supervision.processorName() == null
                || supervision.result() == null || supervision.supervisedOn() == null || supervision.nextDue() == null
                || supervision.intervalMonths() == null) {
            return new Result(Status.INVALID_PAYLOAD, "not a supervision.recorded.v1 payload: a required field is missing");
        }
        String what = supervision.processorName() + " for " + supervision.systemName();
        if (supervision.kitosUuid() == null) {
            return new Result(Status.RECORD_BY_HAND, what + ": the system has no KITOS UUID in the register: record by hand");
        }
        List<DataProcessingRegistration> registrations = kitos.dataProcessingRegistrations(organization, supervision.kitosUuid());
        if (registrations.size() != 1) {
            return new Result(Status.RECORD_BY_HAND, what + ": " + registrations.size()
                    + " data processing registrations in KITOS name the system: record by hand");
        }
        DataProcessingRegistration registration = registrations.get(0);
        kitos.updateOversight(registration.uuid(), oversight(supervision, registration.oversight()));
        return new Result(Status.RECORDED, what + ": supervised " + supervision.supervisedOn() + ", next " + supervision.nextDue()
                + ", in KITOS data processing registration \"" + registration.name() + "\" " + registration.uuid());
    }

    /**
     * The oversight section to merge: the interval, completed, the next date, and the dates KITOS has with this one
     * added (a merge patch replaces a list whole, so the ones there are sent back as they came, links and all).
     */
    ObjectNode oversight(SupervisionRecorded supervision, JsonNode current) {
        ObjectNode oversight = json.createObjectNode();
        String interval = INTERVALS.get(supervision.intervalMonths());
        oversight.put("oversightInterval", interval == null ? "Other" : interval);
        if (interval == null) {
            oversight.put("oversightIntervalRemark", "Hver " + supervision.intervalMonths() + ". måned (Indkøbsscreening)");
        }
        oversight.put("isOversightCompleted", "Yes");
        oversight.put("oversightScheduledInspectionDate", supervision.nextDue());
        String remark = supervision.processorName() + ": " + RESULTS.getOrDefault(supervision.result(), supervision.result())
                + " (Indkøbsscreening)";
        ArrayNode dates = oversight.putArray("oversightDates");
        boolean there = false;
        for (JsonNode date : current.path("oversightDates")) {
            dates.add(date);
            there |= date.path("completedAt").asText("").startsWith(supervision.supervisedOn())
                    && remark.equals(date.path("remark").asText(null));
        }
        if (!there) {
            dates.addObject().put("completedAt", supervision.supervisedOn()).put("remark", remark);
        }
        return oversight;
    }
}
