package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delays of repeated login failures: per user and address, progressive, time-limited, logged. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Properties(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1)), clock);
    @RegisterExtension
    final LogCapture securityLog = new LogCapture("indkoeb.security");

    @Test
    void fiveFailuresAreFreeThenTheDelayDoublesUpToTheMaximum() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("anna", "10.0.0.9");
            assertThat(throttle.waitFor("anna", "10.0.0.9")).as("after failure " + i).isEmpty();
        }
        throttle.failed("anna", "10.0.0.9");
        assertThat(throttle.waitFor("anna", "10.0.0.9")).contains(Duration.ofSeconds(2));
        throttle.failed("anna", "10.0.0.9");
        assertThat(throttle.waitFor("anna", "10.0.0.9")).contains(Duration.ofSeconds(4));
        for (int i = 0; i < 40; i++) {
            throttle.failed("anna", "10.0.0.9");
        }
        assertThat(throttle.waitFor("anna", "10.0.0.9")).contains(Duration.ofMinutes(5));
    }

    @Test
    void aDelayEndsByItselfAndNeverReachesTheSameUserAtAnotherAddress() {
        failTimes("anna", "10.0.0.9", 6);

        assertThat(throttle.waitFor("anna", "10.0.0.9")).isPresent();
        assertThat(throttle.waitFor("anna", "192.168.1.20")).isEmpty();
        assertThat(throttle.waitFor("ANNA ", "10.0.0.9")).as("the same user however typed").isPresent();

        now = now.plusSeconds(5);
        assertThat(throttle.waitFor("anna", "10.0.0.9")).isEmpty();
    }

    @Test
    void successOrAnHourOfQuietForgetsTheFailures() {
        failTimes("anna", "10.0.0.9", 4);
        throttle.succeeded("anna", "10.0.0.9");
        throttle.failed("anna", "10.0.0.9");
        assertThat(throttle.waitFor("anna", "10.0.0.9")).isEmpty();

        failTimes("bent", "10.0.0.9", 4);
        now = now.plus(Duration.ofMinutes(61));
        throttle.failed("bent", "10.0.0.9");
        assertThat(throttle.waitFor("bent", "10.0.0.9")).as("counting starts again").isEmpty();
    }

    @Test
    void anAdministratorLiftsEveryDelayOfAUser() {
        failTimes("anna", "10.0.0.9", 7);
        failTimes("anna", "10.0.0.10", 7);
        failTimes("bent", "10.0.0.9", 7);

        assertThat(throttle.clear("Anna", "admin")).isEqualTo(2);

        assertThat(throttle.waitFor("anna", "10.0.0.9")).isEmpty();
        assertThat(throttle.waitFor("bent", "10.0.0.9")).isPresent();
        assertThat(throttle.current()).extracting(LoginThrottle.Delay::username).containsExactly("bent");
    }

    @Test
    void eachDelayIsInTheSecurityLogWithUserAddressAndTimeButNoPassword() {
        failTimes("anna\nforged line", "10.0.0.9", 5);

        assertThat(securityLog.messages()).hasSize(1);
        String entry = securityLog.messages().get(0);
        assertThat(entry).contains("user=anna?forged line", "address=10.0.0.9", "failures=5", "delay=2s",
                "at=2026-12-01T09:00:00Z").doesNotContain("\n");
    }

    private void failTimes(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }
}
