package dk.indkoebsscreening.testsupport;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the outbox as an integrated system would later see it. */
public final class Outbox {

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Event types of one request in publishing order, without the common prefix and version. */
    public List<String> typesOf(String requestId) {
        return jdbc.sql("select type from outbox_event where request_id = ? order by seq")
                .param(UUID.fromString(requestId))
                .query(String.class)
                .list()
                .stream()
                .map(type -> type.replace("dk.indkoebsscreening.", "").replace(".v1", ""))
                .toList();
    }

    public String payloadOf(String requestId, String shortType) {
        return jdbc.sql("select payload::text from outbox_event where request_id = ? and type = ? order by seq limit 1")
                .params(UUID.fromString(requestId), "dk.indkoebsscreening." + shortType + ".v1")
                .query(String.class)
                .single();
    }

    /** Every payload of this type for the request, in publishing order. */
    public List<String> payloadsOf(String requestId, String shortType) {
        return jdbc.sql("select payload::text from outbox_event where request_id = ? and type = ? order by seq")
                .params(UUID.fromString(requestId), "dk.indkoebsscreening." + shortType + ".v1")
                .query(String.class)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
    }
}
