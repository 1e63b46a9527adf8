package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.system.DatabaseOutage;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No statement of the application runs longer than the statement timeout: one that would (here, one waiting for a
 * table another session holds locked) is cut off and answered 503 with Retry-After, saying it took too long, on the
 * API and on the pages; the database is not taken to be away.
 */
class StatementTimeoutTest extends ApiTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseOutage outage;

    @Test
    void everyConnectionStartsWithTheApplicationsStatementTimeout() {
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("10s");
    }

    @Test
    void aStatementThatOutrunsTheTimeoutIsCutOffAndAnswered503() throws Exception {
        WebSession browser = new WebSession(port);
        browser.login("anna");
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("lock table registered_system in access exclusive mode");

            CompletableFuture<RawHttp.Reply> api = CompletableFuture.supplyAsync(() ->
                    new RawHttp(port).send("GET", "/api/register?q=tidsbestilling", Map.of("Authorization", RawHttp.basic("anna")), null));
            CompletableFuture<HttpResponse<String>> page = CompletableFuture.supplyAsync(() -> browser.get("/systemer?q=tidsbestilling"));

            RawHttp.Reply apiReply = api.get();
            assertThat(apiReply.status()).isEqualTo(503);
            assertThat(apiReply.header("Retry-After")).isEqualTo("10");
            assertThat(apiReply.body()).contains("tog for lang tid");
            HttpResponse<String> pageReply = page.get();
            assertThat(pageReply.statusCode()).isEqualTo(503);
            assertThat(pageReply.body()).contains("Det tog for lang tid", "gør den smallere");
            holder.rollback();
        }
        assertThat(outage.inProgress()).isFalse();
        assertThat(api.get("anna", "/api/register?q=tidsbestilling").status()).isEqualTo(200);
    }
}
