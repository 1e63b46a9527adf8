package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The absence job does each municipality's stand-ins and groups acting for it: a second municipality's stand-in whose
 * period is over is marked as handed back, and its warning of a group without anyone is settled. Its rows removed after.
 */
class AbsenceMunicipalityTest extends ApiTestBase {

    private static final String OTHER = "test-absence-oestby";
    private static final String GROUP = Area.SECURITY.candidateGroup();

    @Autowired
    AbsenceService absenceService;

    private final UUID standIn = UUID.randomUUID();
    private final UUID warning = UUID.randomUUID();

    @AfterEach
    void removeRows() {
        Tenancy.runAs(OTHER, () -> {
            jdbc.sql("delete from group_stand_in where id = ?").param(standIn).update();
            jdbc.sql("delete from group_gap_warning where id = ?").param(warning).update();
        });
    }

    @Test
    void theJobHandsBackAndSettlesAnotherMunicipalitysStandInsAndWarnings() {
        LocalDate today = LocalDate.now();
        Tenancy.runAs(OTHER, () -> {
            jdbc.sql("""
                            insert into group_stand_in (id, group_id, username, starts_on, ends_on, appointed_by, appointed_at)
                            values (?, ?, 'oestby-kollega', ?, ?, 'oestby-koordinator', now() - interval '10 days')
                            """)
                    .params(standIn, GROUP, Date.valueOf(today.minusDays(10)), Date.valueOf(today.minusDays(1))).update();
            jdbc.sql("""
                            insert into group_gap_warning (id, group_id, starts_on, ends_on, first_due, open_tasks, warned_at)
                            values (?, ?, ?, ?, now() + interval '3 days', 1, now() - interval '1 day')
                            """)
                    .params(warning, GROUP, Date.valueOf(today.plusDays(400)), Date.valueOf(today.plusDays(401))).update();
        });

        absenceService.returnTasksOfAbsentUsers();

        Tenancy.runAs(OTHER, () -> {
            assertThat(jdbc.sql("select returned_at is not null from group_stand_in where id = ?").param(standIn)
                    .query(Boolean.class).single()).as("handed back").isTrue();
            assertThat(jdbc.sql("select resolved_at is not null from group_gap_warning where id = ?").param(warning)
                    .query(Boolean.class).single()).as("settled: the group has no member there").isTrue();
        });
    }
}
