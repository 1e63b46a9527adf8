package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delays of repeated login failures: per user and address, progressive, time-limited, logged; counted in the
 * application's PostgreSQL, where throttles of several application nodes share them. Each throttle here is a node of
 * its own on that database, with a clock the test moves (starting now: the application's own throttle purges what
 * is an hour old by its clock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottleTest {

    private static final LoginThrottle.Properties PROPERTIES =
            new LoginThrottle.Properties(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1));

    @Autowired
    JdbcClient jdbc;

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final SettableClock clock = new SettableClock(start);
    private LoginThrottle throttle;
    @RegisterExtension
    final LogCapture securityLog = new LogCapture("indkoeb.security");

    /** The login tests lift the delays they cause; what else is left is of no test's concern, and would be in the lists. */
    @BeforeEach
    @AfterEach
    void forgetAllFailures() {
        jdbc.sql("delete from login_failure").update();
        throttle = node();
    }

    private LoginThrottle node() {
        return new LoginThrottle(PROPERTIES, clock, jdbc);
    }

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

    /** A login form takes a name of a megabyte; PostgreSQL's index takes no key over 2,704 bytes (after compression). */
    @Test
    void aNameLongerThanAnyUsersIsCountedAndLiftedLikeAnyOther() {
        String longName = randomLetters(100_000);
        failTimes(longName, "10.0.0.9", 5);

        assertThat(throttle.waitFor(longName.toUpperCase(), "10.0.0.9")).isPresent();
        assertThat(throttle.waitFor(longName + "ø", "10.0.0.9")).as("another long name").isEmpty();
        assertThat(throttle.clear(longName, "admin")).isEqualTo(1);
    }

    /** Letters that do not compress, as a key of this length would. */
    static String randomLetters(int length) {
        Random random = new Random(31);
        return random.ints(length, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
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
                "at=" + start).doesNotContain("\n");
    }

    @Test
    void twoNodesOnOneDatabaseShareTheCountsAndTheDelays() {
        LoginThrottle otherNode = node();
        for (int i = 0; i < 5; i++) {
            fail(i % 2 == 0 ? throttle : otherNode, "anna", "10.0.0.9");
        }

        assertThat(otherNode.waitFor("anna", "10.0.0.9")).contains(Duration.ofSeconds(2));
        assertThat(throttle.attempt("anna", "10.0.0.9")).contains(Duration.ofSeconds(2));
        assertThat(otherNode.current()).extracting(LoginThrottle.Delay::username).containsExactly("anna");

        otherNode.clear("anna", "admin");
        assertThat(throttle.waitFor("anna", "10.0.0.9")).as("lifted on every node").isEmpty();
        failTimes("bent", "10.0.0.9", 4);
        otherNode.succeeded("bent", "10.0.0.9");
        fail("bent", "10.0.0.9");
        assertThat(throttle.waitFor("bent", "10.0.0.9")).as("a success on any node starts the count again").isEmpty();
    }

    @Test
    void guessesSentInParallelToTwoNodesGetTheFreeAttemptsOnceBetweenThem() throws Exception {
        List<LoginThrottle> nodes = List.of(throttle, node());
        ExecutorService guesser = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                LoginThrottle node = nodes.get(i % 2);
                guesses.add(() -> node.attempt("anna", "10.0.0.9").isEmpty());
            }
            long allowed = 0;
            for (Future<Boolean> guess : guesser.invokeAll(guesses)) {
                allowed += guess.get() ? 1 : 0;
            }

            assertThat(allowed).isEqualTo(5);
            assertThat(throttle.current()).singleElement().satisfies(delay -> assertThat(delay.failures()).isEqualTo(5));
        } finally {
            guesser.shutdownNow();
        }
    }

    @Test
    void forgottenFailuresArePurgedAndBeyondTheBoundTheOldestOfThoseNotWaiting() {
        fail("bent", "10.0.0.9");
        clock.advance(Duration.ofMinutes(30));
        failTimes("anna", "10.0.0.9", 5);
        clock.advance(Duration.ofSeconds(1));
        fail("carl", "10.0.0.9");

        assertThat(throttle.purge(1)).as("bent; anna is older than carl but waits").isEqualTo(1);
        assertThat(pairs()).containsExactlyInAnyOrder("anna", "carl");

        clock.advance(Duration.ofMinutes(31));
        fail("dora", "10.0.0.9");
        clock.advance(Duration.ofMinutes(30));
        assertThat(throttle.purge(10)).as("anna's and carl's failures are an hour old").isEqualTo(2);
        assertThat(pairs()).containsExactly("dora");
    }

    private List<String> pairs() {
        return jdbc.sql("select username from login_failure").query(String.class).list();
    }

    /** A wrong password: the attempt is let through (and counted), then fails. */
    private void fail(String user, String address) {
        fail(throttle, user, address);
    }

    private static void fail(LoginThrottle node, String user, String address) {
        assertThat(node.attempt(user, address)).as("attempt of " + user).isEmpty();
        node.failed(user, address);
    }

    /** Failures in a row, each after any delay the one before started. */
    private void failTimes(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            clock.advance(throttle.waitFor(user, address).orElse(Duration.ZERO));
            fail(user, address);
        }
    }
}
