package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stranger guessing a colleague's password from another machine (another loopback address here) is
 * slowed down, but cannot lock the colleague out: the colleague logs in from their own machine at once,
 * and no number of failures locks anyone for good.
 */
class LoginThrottlingTest extends ApiTestBase {

    static final String STRANGER = "127.0.0.2";
    static final String VICTIM = "bent";
    @RegisterExtension
    final LogCapture securityLog = new LogCapture("indkoeb.security");

    @AfterEach
    void liftDelays() {
        api.raw("admin", "DELETE", "/api/admin/login-delays/" + VICTIM, "application/json", null);
    }

    @Test
    void guessesFromAStrangersAddressAreDelayedWith429WhileTheUserLogsInElsewhere() {
        RawHttp stranger = new RawHttp(port, STRANGER);
        for (int i = 1; i <= 5; i++) {
            assertThat(stranger.get(VICTIM, "gæt" + i, "/api/tasks").status()).as("guess " + i).isEqualTo(401);
        }

        RawHttp.Reply delayed = stranger.get(VICTIM, "gæt6", "/api/tasks");
        assertThat(delayed.status()).isEqualTo(429);
        assertThat(Integer.parseInt(delayed.header("Retry-After"))).isBetween(1, 2);
        assertThat(delayed.body()).contains("For mange forkerte forsøg. Vent 2 sekunder, og prøv igen.");
        // While the delay lasts, not even the right password is checked from there.
        assertThat(stranger.get(VICTIM, "demo", "/api/tasks").status()).isEqualTo(429);
        assertThat(stranger.get(VICTIM, "demo", "/engine-rest/engine").status()).isEqualTo(429);

        assertThat(new RawHttp(port).get(VICTIM, "/api/tasks").status()).as("the user at their own machine").isEqualTo(200);
        assertThat(securityLog.messages())
                .anySatisfy(entry -> assertThat(entry).contains("user=" + VICTIM, "address=" + STRANGER))
                .noneSatisfy(entry -> assertThat(entry).contains("gæt"));
    }

    @Test
    void guessesSentAllAtOnceGetNoMoreFreeAttempts() throws Exception {
        ExecutorService guesser = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String guess = "parallel" + i;
                guesses.add(() -> new RawHttp(port, STRANGER).get(VICTIM, guess, "/api/tasks").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : guesser.invokeAll(guesses)) {
                statuses.add(status.get());
            }
            assertThat(statuses.stream().filter(status -> status == 401).count()).isEqualTo(5);
            assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(43);
        } finally {
            guesser.shutdownNow();
        }
    }

    @Test
    void noNumberOfFailuresFromAnywhereLocksTheUserForGood() {
        for (int address = 10; address < 40; address++) {
            RawHttp guesser = new RawHttp(port, "127.0.0." + address);
            for (int i = 0; i < 3; i++) {
                guesser.get(VICTIM, "forkert", "/api/tasks");
            }
        }
        boolean lockedByCamunda = jdbc.sql("select count(*) from act_id_user where id_ = ? and lock_exp_time_ > now()")
                .param(VICTIM).query(Long.class).single() > 0;

        assertThat(lockedByCamunda).as("Camunda's own lock stays unused").isFalse();
        assertThat(new RawHttp(port).get(VICTIM, "/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysInDanishHowLongToWait() {
        RawHttp stranger = new RawHttp(port, STRANGER);
        for (int i = 1; i <= 5; i++) {
            stranger.get(VICTIM, "gæt" + i, "/api/tasks");
        }

        String afterLogin = formLogin(stranger, VICTIM, "demo");

        assertThat(afterLogin).matches(".*/login\\?vent=[12]");
        RawHttp.Reply page = stranger.send("GET", afterLogin.substring(afterLogin.indexOf("/login")), Map.of(), null);
        assertThat(page.body()).contains("For mange forkerte forsøg. Vent")
                .doesNotContain("Brugernavn eller adgangskode er forkert");
    }

    @Test
    void anAdministratorCanLiftADelayAndNobodyElseCan() {
        RawHttp stranger = new RawHttp(port, STRANGER);
        for (int i = 1; i <= 6; i++) {
            stranger.get(VICTIM, "gæt" + i, "/api/tasks");
        }

        assertThat(api.raw("koordinator", "DELETE", "/api/admin/login-delays/" + VICTIM, "application/json", null).status())
                .isEqualTo(403);
        assertThat(stranger.get(VICTIM, "demo", "/api/tasks").status()).isEqualTo(429);
        assertThat(api.get("admin", "/api/admin/login-delays").body().toString()).contains(STRANGER);

        assertThat(api.raw("admin", "DELETE", "/api/admin/login-delays/" + VICTIM, "application/json", null).status())
                .isEqualTo(204);
        assertThat(stranger.get(VICTIM, "demo", "/api/tasks").status()).isEqualTo(200);
        assertThat(securityLog.messages())
                .anySatisfy(entry -> assertThat(entry).contains("Login delays lifted", "user=" + VICTIM, "by=admin"));
    }

    /** A name longer than any user's is a wrong login like any other, counted too (a database key has a size limit). */
    @Test
    void aNameLongerThanAnyUsersIsAWrongLoginNotAnError() {
        RawHttp stranger = new RawHttp(port, STRANGER);
        assertThat(stranger.get(LoginThrottleTest.randomLetters(3_000), "gæt", "/api/tasks").status()).as("in HTTP Basic")
                .isEqualTo(401);
        assertThat(formLogin(stranger, LoginThrottleTest.randomLetters(100_000), "gæt")).endsWith("/login?error");
    }

    /** The login form from the given client, session cookie and CSRF token included; returns where it redirects. */
    private static String formLogin(RawHttp client, String user, String password) {
        RawHttp.Reply loginPage = client.send("GET", "/login", Map.of(), null);
        String cookie = loginPage.header("Set-Cookie").split(";")[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        byte[] form = ("username=" + user + "&password=" + password + "&_csrf=" + csrf.group(1)).getBytes(StandardCharsets.UTF_8);
        return client.send("POST", "/login", Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"), form)
                .header("Location");
    }
}
