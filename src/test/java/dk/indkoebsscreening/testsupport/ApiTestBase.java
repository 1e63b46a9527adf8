package dk.indkoebsscreening.testsupport;

import dk.indkoebsscreening.screening.ChecklistProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application on a random port against a real (embedded) PostgreSQL, with the demo
 * users. All subclasses in a JVM share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ChecklistProperties checklists;

    protected ApiClient api;
    protected Lifecycle lifecycle;
    protected Outbox outbox;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        lifecycle = new Lifecycle(api, checklists);
        outbox = new Outbox(jdbc);
    }
}
