package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delays of repeated login failures: per user and address, progressive, time-limited, logged. */
class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Properties(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1)), clock);
    @RegisterExtension
    final LogCapture securityLog = new LogCapture("indkoeb.security");

    @Test
    void fiveFailuresAreFreeThenTheDelayDoublesUpToTheMaximum() {
        for (int i = 1; i <= 4; i++) {
            fail("anna", "10.0.0.9");
            assertThat(throttle.waitFor("anna", "10.0.0.9")).as("after failure " + i).isEmpty();
        }
        fail("anna", "10.0.0.9");
        assertThat(throttle.waitFor("anna", "10.0.0.9")).contains(Duration.ofSeconds(2));
        assertThat(throttle.attempt("anna", "10.0.0.9")).as("refused, not counted").contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        fail("anna", "10.0.0.9");
        assertThat(throttle.waitFor("anna", "10.0.0.9")).contains(Duration.ofSeconds(4));
        for (int i = 0; i < 40; i++) {
            clock.advance(throttle.waitFor("anna", "10.0.0.9").orElse(Duration.ZERO));
            fail("anna", "10.0.0.9");
        }
        assertThat(throttle.waitFor("anna", "10.0.0.9")).contains(Duration.ofMinutes(5));
    }

    @Test
    void guessesSentInParallelAreCountedAsTheyArriveNotAfterTheirChecks() {
        long allowed = 0;
        for (int i = 0; i < 200; i++) {
            allowed += throttle.attempt("anna", "10.0.0.9").isEmpty() ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void aSuccessTakesItsAttemptBackAndAnUncheckedAttemptDoesNotCount() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.attempt("anna", "10.0.0.9")).isEmpty();
            throttle.succeeded("anna", "10.0.0.9");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.attempt("bent", "10.0.0.9")).isEmpty();
            throttle.abandoned("bent", "10.0.0.9");
        }
        assertThat(throttle.waitFor("anna", "10.0.0.9")).isEmpty();
        assertThat(throttle.waitFor("bent", "10.0.0.9")).isEmpty();
    }

    @Test
    void aDelayEndsByItselfAndNeverReachesTheSameUserAtAnotherAddress() {
        failTimes("anna", "10.0.0.9", 5);

        assertThat(throttle.waitFor("anna", "10.0.0.9")).isPresent();
        assertThat(throttle.waitFor("anna", "192.168.1.20")).isEmpty();
        assertThat(throttle.waitFor("ANNA ", "10.0.0.9")).as("the same user however typed").isPresent();

        clock.advance(Duration.ofSeconds(5));
        assertThat(throttle.waitFor("anna", "10.0.0.9")).isEmpty();
    }

    @Test
    void anIpv6NetworkCountsAsOneAddress() {
        failTimes("anna", "2001:db8:1:2::17", 5);

        assertThat(throttle.waitFor("anna", "2001:db8:1:2:ffff:0:0:9")).isPresent();
        assertThat(throttle.waitFor("anna", "2001:db8:1:3::17")).isEmpty();
    }

    @Test
    void successOrAnHourOfQuietForgetsTheFailures() {
        failTimes("anna", "10.0.0.9", 4);
        throttle.succeeded("anna", "10.0.0.9");
        fail("anna", "10.0.0.9");
        assertThat(throttle.waitFor("anna", "10.0.0.9")).isEmpty();

        failTimes("bent", "10.0.0.9", 4);
        clock.advance(Duration.ofMinutes(61));
        fail("bent", "10.0.0.9");
        assertThat(throttle.waitFor("bent", "10.0.0.9")).as("counting starts again").isEmpty();
    }

    @Test
    void anAdministratorLiftsEveryDelayOfAUser() {
        failTimes("anna", "10.0.0.9", 5);
        failTimes("anna", "10.0.0.10", 5);
        failTimes("bent", "10.0.0.9", 5);

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

    /** A wrong password: the attempt is let through (and counted), then fails. */
    private void fail(String user, String address) {
        assertThat(throttle.attempt(user, address)).as("attempt of " + user).isEmpty();
        throttle.failed(user, address);
    }

    /** Failures in a row, each after any delay the one before started. */
    private void failTimes(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            clock.advance(throttle.waitFor(user, address).orElse(Duration.ZERO));
            fail(user, address);
        }
    }
}
