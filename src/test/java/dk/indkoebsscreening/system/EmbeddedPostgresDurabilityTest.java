package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import org.junit.jupiter.api.Test;

/** The embedded server keeps what was committed through a crash of the machine, as PostgreSQL does by default. */
class EmbeddedPostgresDurabilityTest extends ApiTestBase {

    @Test
    void fsyncAndSynchronousCommitAreOnDespiteTheBuildersDefaults() {
        assertThat(jdbc.sql("select current_setting('fsync') || '/' || current_setting('synchronous_commit')")
                .query(String.class)
                .single())
                .isEqualTo("on/on");
    }
}
