package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.system.Sql;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Whether a person wants the mails they may turn off ({@code mail_preference}); nobody has chosen: yes. */
@Repository
class MailPreferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean wantsMail(String userId) {
        return jdbc.sql("select mails_on from mail_preference where user_id = :id").param("id", userId)
                .query(Boolean.class).optional().orElse(true);
    }

    @Transactional
    void choose(String userId, boolean mailsOn) {
        jdbc.sql("""
                insert into mail_preference (user_id, mails_on, changed_at) values (:id, :on, :now)
                on conflict (user_id, tenant_id) do update set mails_on = excluded.mails_on, changed_at = excluded.changed_at
                """)
                .param("id", userId).param("on", mailsOn).param("now", Sql.timestamp(clock.instant())).update();
    }
}
