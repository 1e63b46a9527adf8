package dk.indkoebsscreening.testsupport;

import dk.indkoebsscreening.system.Tenancy;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Removes municipalities a test made, with their tenants in the engine, so the shared context is as it was. */
public final class MadeUpMunicipalities {

    private MadeUpMunicipalities() {
    }

    /** @param ids the municipalities' ids; a SQL {@code like} pattern each, e.g. {@code test-%} */
    public static void remove(JdbcClient jdbc, IdentityService identity, String... ids) {
        for (String id : ids) {
            jdbc.sql("select id from municipality where id like ?").param(id).query(String.class).list()
                    .forEach(identity::deleteTenant);
            jdbc.sql("delete from municipality where id like ?").param(id).update();
        }
    }

    /** Removes requests made in a made-up municipality, with their process, their waiting mails and events and every row of theirs. */
    public static void removeRequests(JdbcClient jdbc, RuntimeService runtime, String municipality, Collection<String> requestIds) {
        Tenancy.runAs(municipality, () -> requestIds.forEach(request -> {
            jdbc.sql("select process_instance_id from purchase_request where id = ?::uuid").param(request)
                    .query(String.class).optional().ifPresent(process -> runtime.deleteProcessInstanceIfExists(process,
                            "the test is over", true, true, true, true));
            // Mails and events waiting for the relays name the request without a foreign key.
            jdbc.sql("delete from mail_outbox where request_id = ?::uuid").param(request).update();
            jdbc.sql("delete from outbox_event where request_id = ?::uuid").param(request).update();
            delete(jdbc, "purchase_request", "id", UUID.fromString(request));
        }));
    }

    /** Deletes the rows and, first, every row that refers to them (a request in screening has many). */
    private static void delete(JdbcClient jdbc, String table, String column, Object value) {
        jdbc.sql("""
                        select c.conrelid::regclass::text as child, a.attname as child_column, p.attname as parent_column
                        from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                        join pg_attribute p on p.attrelid = c.confrelid and p.attnum = c.confkey[1]
                        where c.contype = 'f' and c.confrelid = ?::regclass""").param(table)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list()
                .forEach(reference -> jdbc.sql("select " + reference.get(2) + " from " + table + " where " + column + " = ?")
                        .param(value).query((rs, row) -> rs.getObject(1)).list()
                        .forEach(key -> delete(jdbc, reference.get(0), reference.get(1), key)));
        jdbc.sql("delete from " + table + " where " + column + " = ?").param(value).update();
    }
}
