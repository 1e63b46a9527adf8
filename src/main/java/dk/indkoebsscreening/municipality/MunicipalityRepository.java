package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.Sql;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code municipality} and {@code municipality_group_mailbox}. */
@Repository
class MunicipalityRepository {

    private static final String COLUMNS = """
            id, name, logo_text, cvr, mail_sender, kitos_organisation_uuid, dpia_min_users, fast_track_max_value_dkk,
            accessibility_contact, events_source, shared_areas, created_at, updated_at""";

    private final JdbcClient jdbc;

    MunicipalityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In one statement with its group mailboxes: every page asks for its municipality. */
    Optional<Municipality> find(String id) {
        return jdbc.sql("""
                        select %s,
                               array(select g.group_id from municipality_group_mailbox g where g.municipality_id = m.id
                                      order by g.group_id) as mailbox_groups,
                               array(select g.address from municipality_group_mailbox g where g.municipality_id = m.id
                                      order by g.group_id) as mailbox_addresses
                          from municipality m where m.id = ?""".formatted(COLUMNS)).param(id)
                .query((rs, row) -> municipality(rs, mailboxes(rs))).optional();
    }

    List<Municipality> all() {
        Map<String, Map<String, String>> mailboxes = new HashMap<>();
        jdbc.sql("select municipality_id, group_id, address from municipality_group_mailbox").query(rs -> {
            mailboxes.computeIfAbsent(rs.getString("municipality_id"), id -> new HashMap<>())
                    .put(rs.getString("group_id"), rs.getString("address"));
        });
        return jdbc.sql("select " + COLUMNS + " from municipality order by name, id")
                .query((rs, row) -> municipality(rs, mailboxes.getOrDefault(rs.getString("id"), Map.of()))).list();
    }

    Set<String> sharingScreening() {
        return Set.copyOf(jdbc.sql("select id from municipality where cardinality(shared_areas) > 0").query(String.class).list());
    }

    /** @return false when a municipality with this id exists already (nothing written) */
    boolean insert(String id, MunicipalityForm form, Instant now) {
        int inserted = jdbc.sql("""
                        insert into municipality (id, name, logo_text, cvr, mail_sender, kitos_organisation_uuid, dpia_min_users,
                            fast_track_max_value_dkk, accessibility_contact, events_source, shared_areas, created_at, updated_at)
                        values (:id, :name, :logoText, :cvr, :mailSender, :kitos, :dpiaMinUsers, :fastTrack, :contact, :source,
                            :sharedAreas, :now, :now)
                        on conflict (id) do nothing""")
                .param("id", id).params(parameters(form)).param("now", Sql.timestamp(now)).update();
        if (inserted == 0) {
            return false;
        }
        replaceMailboxes(id, form.groupMailboxes());
        return true;
    }

    /** @return false when there is no such municipality */
    boolean update(String id, MunicipalityForm form, Instant now) {
        int updated = jdbc.sql("""
                        update municipality set name = :name, logo_text = :logoText, cvr = :cvr, mail_sender = :mailSender,
                            kitos_organisation_uuid = :kitos, dpia_min_users = :dpiaMinUsers, fast_track_max_value_dkk = :fastTrack,
                            accessibility_contact = :contact, events_source = :source, shared_areas = :sharedAreas, updated_at = :now
                        where id = :id""")
                .param("id", id).params(parameters(form)).param("now", Sql.timestamp(now)).update();
        if (updated == 0) {
            return false;
        }
        replaceMailboxes(id, form.groupMailboxes());
        return true;
    }

    private void replaceMailboxes(String id, Map<String, String> mailboxes) {
        jdbc.sql("delete from municipality_group_mailbox where municipality_id = ?").param(id).update();
        mailboxes.forEach((group, address) -> jdbc.sql(
                        "insert into municipality_group_mailbox (municipality_id, group_id, address) values (?, ?, ?)")
                .params(id, group, address).update());
    }

    private static Map<String, Object> parameters(MunicipalityForm form) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", form.name());
        parameters.put("logoText", form.logoText());
        parameters.put("cvr", form.cvr());
        parameters.put("mailSender", form.mailSender());
        parameters.put("kitos", form.kitosOrganisationUuid());
        parameters.put("dpiaMinUsers", form.dpiaMinUsers());
        parameters.put("fastTrack", form.fastTrackMaxValueDkk());
        parameters.put("contact", form.accessibilityContact());
        parameters.put("source", form.eventsSource());
        parameters.put("sharedAreas", form.sharedAreas().stream().map(Area::name).sorted().toArray(String[]::new));
        return parameters;
    }

    private static Map<String, String> mailboxes(ResultSet rs) throws SQLException {
        String[] groups = (String[]) rs.getArray("mailbox_groups").getArray();
        String[] addresses = (String[]) rs.getArray("mailbox_addresses").getArray();
        Map<String, String> mailboxes = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            mailboxes.put(groups[i], addresses[i]);
        }
        return mailboxes;
    }

    private static Municipality municipality(ResultSet rs, Map<String, String> mailboxes) throws SQLException {
        BigDecimal fastTrack = rs.getBigDecimal("fast_track_max_value_dkk");
        return new Municipality(rs.getString("id"), rs.getString("name"), rs.getString("logo_text"), rs.getString("cvr"),
                rs.getString("mail_sender"), rs.getObject("kitos_organisation_uuid", UUID.class), rs.getInt("dpia_min_users"),
                fastTrack.stripTrailingZeros().scale() < 0 ? fastTrack.setScale(0) : fastTrack.stripTrailingZeros(),
                rs.getString("accessibility_contact"), URI.create(rs.getString("events_source")), mailboxes,
                sharedAreas(rs.getArray("shared_areas")), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static Set<Area> sharedAreas(Array areas) throws SQLException {
        Set<Area> shared = EnumSet.noneOf(Area.class);
        for (String area : (String[]) areas.getArray()) {
            shared.add(Area.valueOf(area));
        }
        return shared;
    }
}
