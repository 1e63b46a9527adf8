package dk.indkoebsscreening.testsupport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;

/** What every {@link InMemoryEngine} test of a process model sets up: the engine, Copenhagen's clock, and the reset after. */
public final class EngineTests {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private EngineTests() {
    }

    /** The in-memory engine of {@code camunda.cfg.xml}, left clean after each test. */
    public static ProcessEngineExtension engine() {
        return ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").ensureCleanAfterTest(true).build();
    }

    /** A Copenhagen wall-clock time, e.g. {@code "2027-03-15T08:00"}, as an instant. */
    public static Instant at(String copenhagenLocalDateTime) {
        return LocalDateTime.parse(copenhagenLocalDateTime).atZone(COPENHAGEN).toInstant();
    }

    /** Undoes the mocks, the engine's clock and the assertions' engine. */
    public static void reset() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }
}
