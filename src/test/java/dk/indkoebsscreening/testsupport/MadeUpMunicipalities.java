package dk.indkoebsscreening.testsupport;

import org.camunda.bpm.engine.IdentityService;
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
}
