package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Browser;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.LoopbackOpenIdProvider;
import dk.indkoebsscreening.testsupport.LoopbackOpenIdProvider.Person;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.OwnJvm;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.ScreeningForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through a real OpenID provider on loopback ({@link LoopbackOpenIdProvider}), configured the way
 * docs/oidc.md tells a municipality to configure Entra ID: people log in at the provider, arrive where their work is,
 * are shown by the name in their token and mailed at its e-mail address, and log out at the provider too. Someone
 * whose token carries none of our groups gets a Danish page and can do nothing.
 *
 * <p>The application is configured for OpenID Connect, so this class has an application context of its own and
 * runs in a JVM of its own (the surefire execution {@code own-context-tests}): a second context beside the shared
 * one would break {@code /engine-rest} through Camunda's static engine registry.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnBrowserTest {

    private static final Person REQUESTER = new Person("mette@kommune.example", "Mette Mogensen",
            "mette.mogensen@kommune.example", List.of("staff", "Alle-medarbejdere"));
    /** Entra sends the group's name (or object id); docs/oidc.md maps it to ours. */
    private static final Person COORDINATOR = new Person("jonas", "Jonas Juhl", "jonas.juhl@kommune.example",
            List.of("Indkoeb.Koordinator"));
    private static final Person EXPERT = new Person("lone", "Lone Lund", "lone.lund@kommune.example",
            List.of("screening-user-management", "Alle-medarbejdere"));
    private static final Person OUTSIDER = new Person("ole", "Ole Olsen", "ole.olsen@kommune.example",
            List.of("Alle-medarbejdere", "Camunda-Admin"));

    private static final int PORT = freePort();
    private static final String BASE_URL = "http://127.0.0.1:" + PORT;
    private static LoopbackOpenIdProvider provider;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    ChecklistProperties checklists;

    private Browser browser;

    /** The provider runs before the application, which reads its discovery document while starting. */
    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        provider = new LoopbackOpenIdProvider(BASE_URL, List.of(REQUESTER, COORDINATOR, EXPERT, OUTSIDER));
        properties.add("server.port", () -> PORT);
        // The provider, like Entra ID, accepts a loopback redirect only as an IP address, not as "localhost".
        properties.add("indkoeb.public-base-url", () -> BASE_URL);
        properties.add("indkoeb.oidc.enabled", () -> true);
        properties.add("indkoeb.oidc.registration-id", () -> "kommune");
        properties.add("indkoeb.oidc.group-mapping[Indkoeb.Koordinator]", () -> "coordinators");
        String registration = "spring.security.oauth2.client.registration.kommune.";
        properties.add(registration + "client-id", () -> LoopbackOpenIdProvider.CLIENT_ID);
        properties.add(registration + "client-secret", () -> LoopbackOpenIdProvider.CLIENT_SECRET);
        properties.add(registration + "scope", () -> "openid,profile,email");
        String providerDetails = "spring.security.oauth2.client.provider.kommune.";
        properties.add(providerDetails + "issuer-uri", provider::issuer);
        properties.add(providerDetails + "user-name-attribute", () -> "preferred_username");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        Browser.assumeInstalled();
        browser = new Browser(BASE_URL);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRequesterACoordinatorAndAnExpertDoTheirPartThroughTheMunicipalLogin() {
        ApiClient api = new ApiClient(PORT);
        Mails mails = new Mails(smtp);

        browser.open("/anmodninger/ny");
        logInAtProvider(REQUESTER);
        assertThat(browser.path()).as("back where she was going").startsWith("/anmodninger/ny?");
        assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo("Logget ind som Mette Mogensen");
        fillSmallRequest("Bookingsystem til mødelokaler");
        browser.submit();
        assertThat(browser.path()).endsWith("/kvittering");
        String reference = browser.text(By.id("reference"));
        String requestId = browser.path().split("/")[2];
        logOut();

        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        openLoginPage();
        logInAtProvider(COORDINATOR);
        assertThat(browser.path()).as("a coordinator's front page is the inbox").isEqualTo("/opgaver");
        assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo("Logget ind som Jonas Juhl");
        browser.open("/opgaver/" + triage);
        assertThat(browser.mainText()).contains("Mette Mogensen").doesNotContain(REQUESTER.username());
        assertThat(browser.text(By.id("scope-areas")))
                .isEqualTo("Sikkerhed og GDPR, Brugerstyring, Support, Kontrakt, Installation, Implementering");
        browser.choose("outcome", "ACCEPT");
        browser.submit("/opgaver/" + triage);
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo(reference + " er sendt til screening.");
        logOut();

        String screening = api.awaitTask(Lifecycle.expertFor(Area.USER_MANAGEMENT), requestId, "SCREENING").get("id").asText();
        openLoginPage();
        logInAtProvider(EXPERT);
        assertThat(browser.path()).isEqualTo("/opgaver");
        assertThat(browser.mainText()).contains(reference);
        browser.open("/opgaver/" + screening);
        browser.submit("/tag");
        ScreeningForm.answerEveryQuestion(browser);
        browser.choose("verdict", "APPROVED");
        browser.submit("/opgaver/" + screening);
        assertThat(browser.text(By.cssSelector("main .notice-success"))).endsWith("for " + reference + " er gemt.");
        browser.assertAccessible();
        logOut();

        Lifecycle lifecycle = new Lifecycle(api, checklists);
        for (Area area : List.of(Area.SECURITY, Area.SUPPORT, Area.CONTRACT, Area.INSTALLATION, Area.IMPLEMENTATION)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        String decision = api.awaitTask(Lifecycle.COORDINATOR, requestId, "DECISION").get("id").asText();
        assertThat(mails.awaitOne(reference, "DECISION_NEEDED", COORDINATOR.email()).subject())
                .as("the coordinator from the token is mailed as a member of the group").contains(reference);

        openLoginPage();
        logInAtProvider(COORDINATOR);
        browser.open("/opgaver/" + decision);
        assertThat(browser.text(By.id("recommendation"))).contains("Godkendt");
        browser.submit("/opgaver/" + decision);
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Afgørelsen for " + reference + " er truffet: Godkendt.");
        logOut();

        openLoginPage();
        logInAtProvider(REQUESTER);
        assertThat(browser.path()).as("a requester's front page is her requests").isEqualTo("/anmodninger");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("status"))).isEqualTo("Godkendt");
        assertThat(browser.text(By.id("historik"))).contains("Sendt af Mette Mogensen (mette@kommune.example)",
                "Sendt til screening af Jonas Juhl (jonas)", "Brugerstyring: Screenet af Lone Lund (lone): Godkendt");
        browser.assertAccessible();
        assertThat(mails.awaitOne(reference, "DECISION", REQUESTER.email()).text()).contains("Mette Mogensen");

        assertThat(jdbc.sql("select name || ' <' || email || '> ' || array_to_string(groups, ',') from person where user_id = :id")
                .param("id", EXPERT.username()).query(String.class).single())
                .as("kept from the token, with only our groups").isEqualTo("Lone Lund <lone.lund@kommune.example> screening-user-management");
    }

    @Test
    void someoneInNoneOfOurGroupsIsToldSoAndCanDoNothing() {
        int requestsBefore = count("purchase_request");

        browser.open("/");
        openLoginPage();
        logInAtProvider(OUTSIDER);
        assertThat(browser.title()).startsWith("Du har ikke adgang endnu");
        assertThat(browser.text(By.id("no-group"))).isEqualTo("Du er logget ind som Ole Olsen (ole), men du er ikke med i "
                + "nogen af Indkøbsscreeningens grupper, så du kan ikke se eller gøre noget her.");
        assertThat(browser.findAll(By.className("main-nav"))).as("no menu of pages he cannot open").isEmpty();
        browser.assertAccessible();
        for (String page : List.of("/anmodninger", "/anmodninger/ny", "/opgaver", "/systemer", "/indstillinger/fravaer",
                "/camunda/app/cockpit/default/", "/ANMODNINGER", "/anmodninger/ny/")) {
            browser.open(page);
            assertThat(browser.title()).as(page).startsWith("Du har ikke adgang endnu");
        }

        // With his session and a valid CSRF token, a request sent by hand is refused as well.
        browser.open("/ingen-adgang");
        Object status = browser.runAsync("""
                const done = arguments[arguments.length - 1];
                const form = new FormData();
                form.append('_csrf', document.querySelector('input[name=_csrf]').value);
                form.append('title', 'Udefra'); form.append('systemName', 'Udefra'); form.append('vendor', 'Udefra');
                Promise.all([
                  fetch('/anmodninger/ny', {method: 'POST', body: form, redirect: 'manual'}),
                  fetch('/systemer/ny', {method: 'POST', body: form, redirect: 'manual'}),
                ]).then(answers => done(answers.map(answer => answer.status).join(' ')));
                """);
        assertThat(status).isEqualTo("403 403");
        assertThat(count("purchase_request")).isEqualTo(requestsBefore);
        assertThat(count("registered_system where name = 'Udefra'")).isZero();

        logOut();
        browser.find(By.linkText("Log ind med kommunens login")).click();
        assertThat(browser.url()).as("logged out at the provider too: it asks for the password again")
                .startsWith(provider.issuer() + "/login");
    }

    @Test
    void aForgedAnswerFromTheProviderLogsNobodyIn() {
        browser.open("/login/oauth2/code/kommune?code=forged&state=forged");
        assertThat(browser.path()).isEqualTo("/login?oidcError");
        assertThat(browser.text(By.id("login-oidc-failed"))).startsWith("Login gennem kommunens login lykkedes ikke.");
        browser.assertAccessible();
        browser.open("/anmodninger");
        assertThat(browser.path()).as("still not logged in").startsWith("/login");
    }

    private void openLoginPage() {
        browser.open("/login");
    }

    /** From our login page (or a page that sent there) through the provider's login form, back to us. */
    private void logInAtProvider(Person person) {
        if (browser.path().startsWith("/login")) {
            browser.find(By.linkText("Log ind med kommunens login")).click();
        }
        assertThat(browser.url()).startsWith(provider.issuer() + "/login");
        browser.type("username", person.username());
        browser.type("password", LoopbackOpenIdProvider.PASSWORD);
        browser.submit(By.tagName("form"));
        assertThat(browser.url()).startsWith(BASE_URL + "/");
    }

    /** "Log ud" in the header ends our session and the provider's (RP-initiated logout), then shows our login page. */
    private void logOut() {
        browser.submit("/logout");
        assertThat(browser.url()).isEqualTo(BASE_URL + "/login?logout");
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Du er logget ud.");
    }

    private void fillSmallRequest(String title) {
        browser.type("field-title", title);
        browser.type("field-systemName", "Lokalebooking Online");
        browser.type("field-vendor", "Eksempel Booking ApS");
        browser.type("field-need", "Medarbejderne skal kunne booke mødelokaler på rådhuset.");
        RequestFormFacts.fillSmallPurchase(browser);
        // Ordinary personal data: not the fast track, so the coordinator triages it.
        browser.choose("personalDataCategories", "NONE");
        browser.choose("personalDataCategories", "ORDINARY");
    }

    private int count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition).query(Integer.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
