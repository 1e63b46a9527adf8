package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.Browser;
import dk.indkoebsscreening.testsupport.LoopbackOpenIdProvider;
import dk.indkoebsscreening.testsupport.LoopbackOpenIdProvider.Person;
import dk.indkoebsscreening.testsupport.OwnJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on with one OpenID provider per municipality, as docs/oidc.md configures it: Nordby (the installation's
 * municipality, configured as an installation of one is) and Sydby each sign their people in through their own
 * provider (a real one on loopback each, {@link LoopbackOpenIdProvider}, with its own issuer and keys), and each maps
 * its own groups. A login is placed in the municipality of the provider it came through and sees that one's requests
 * only; a Sydby token with the user name of Nordby's coordinator gets nothing of Nordby; a Sydby token arriving through
 * another municipality's registration is refused; the login page finds the provider from the e-mail domain.
 *
 * <p>A third registration, Vestby's, reaches Sydby's provider through its endpoints without an {@code issuer-uri}, as a
 * registration at Entra's shared endpoints does: Spring Security then compares no issuer, and only ours stands between a
 * Sydby token and a Vestby login.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class MunicipalSingleSignOnBrowserTest {

    private static final String NORDBY = "nordby";
    private static final String SYDBY = "sydby";
    private static final String VESTBY = "x-vestby";
    private static final String NORDBY_REQUEST = "3D-tandskanning";
    /** Nordby's request waiting for its coordinators' triage: in their inbox. */
    private static final String NORDBY_TRIAGE = "Tidsbestilling i Borgerservice";
    private static final String SYDBY_REQUEST = "Ruteplanlægning i hjemmeplejen";

    /** Nordby's coordinator, named as in the demo; Entra sends the group's object id, which Nordby maps. */
    private static final Person NORDBY_COORDINATOR = new Person("koordinator", "Karen Koordinator",
            "karen@nordby.example", List.of("0b5e1c1e-nordby-koordinatorer"));
    private static final Person SYDBY_COORDINATOR = new Person("sune", "Sune Sydby", "sune@sydby.example",
            List.of("7d2f9a30-sydby-koordinatorer"));
    /**
     * Someone at Sydby's provider with the user name of Nordby's coordinator, in Sydby's coordinators, whose token also
     * claims Nordby and the shared organisation: none of that reaches Nordby.
     */
    private static final Person SYDBY_NAMESAKE = new Person("koordinator", "Kurt Sydby", "kurt@sydby.example",
            List.of("7d2f9a30-sydby-koordinatorer", "municipality:nordby", Groups.SHARED_ORGANISATION));

    private static final int PORT = freePort();
    private static final String BASE_URL = "http://127.0.0.1:" + PORT;
    private static LoopbackOpenIdProvider nordbyProvider;
    private static LoopbackOpenIdProvider sydbyProvider;

    @Autowired
    JdbcClient jdbc;

    private Browser browser;

    /** The providers run before the application, which reads their discovery documents while starting. */
    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        nordbyProvider = new LoopbackOpenIdProvider(BASE_URL, List.of(NORDBY), List.of(NORDBY_COORDINATOR));
        sydbyProvider = new LoopbackOpenIdProvider(BASE_URL, List.of(SYDBY, "vestby"), List.of(SYDBY_COORDINATOR, SYDBY_NAMESAKE));
        properties.add("server.port", () -> PORT);
        properties.add("indkoeb.public-base-url", () -> BASE_URL);
        properties.add("indkoeb.oidc.enabled", () -> true);
        // Nordby's provider with the settings of an installation of one municipality.
        properties.add("indkoeb.oidc.registration-id", () -> NORDBY);
        properties.add("indkoeb.oidc.email-domains", () -> "nordby.example");
        properties.add("indkoeb.oidc.group-mapping[0b5e1c1e-nordby-koordinatorer]", () -> Groups.COORDINATORS);
        String sydby = "indkoeb.oidc.municipalities.sydby.";
        properties.add(sydby + "registration-id", () -> SYDBY);
        properties.add(sydby + "email-domains", () -> "sydby.example");
        properties.add(sydby + "group-mapping[7d2f9a30-sydby-koordinatorer]", () -> Groups.COORDINATORS);
        String vestby = "indkoeb.oidc.municipalities." + VESTBY + ".";
        properties.add(vestby + "registration-id", () -> "vestby");
        properties.add(vestby + "issuer", () -> "https://login.example/vestby-tenant/v2.0");
        registration(properties, NORDBY, nordbyProvider);
        registration(properties, SYDBY, sydbyProvider);
        String vestbyRegistration = "spring.security.oauth2.client.registration.vestby.";
        properties.add(vestbyRegistration + "client-id", () -> LoopbackOpenIdProvider.CLIENT_ID);
        properties.add(vestbyRegistration + "client-secret", () -> LoopbackOpenIdProvider.CLIENT_SECRET);
        properties.add(vestbyRegistration + "scope", () -> "openid,profile,email");
        properties.add(vestbyRegistration + "authorization-grant-type", () -> "authorization_code");
        properties.add(vestbyRegistration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String vestbyProvider = "spring.security.oauth2.client.provider.vestby.";
        properties.add(vestbyProvider + "authorization-uri", () -> sydbyProvider.issuer() + "/oauth2/authorize");
        properties.add(vestbyProvider + "token-uri", () -> sydbyProvider.issuer() + "/oauth2/token");
        properties.add(vestbyProvider + "jwk-set-uri", () -> sydbyProvider.issuer() + "/oauth2/jwks");
        properties.add(vestbyProvider + "user-name-attribute", () -> "preferred_username");
    }

    private static void registration(DynamicPropertyRegistry properties, String id, LoopbackOpenIdProvider provider) {
        String registration = "spring.security.oauth2.client.registration." + id + ".";
        properties.add(registration + "client-id", () -> LoopbackOpenIdProvider.CLIENT_ID);
        properties.add(registration + "client-secret", () -> LoopbackOpenIdProvider.CLIENT_SECRET);
        properties.add(registration + "scope", () -> "openid,profile,email");
        String providerDetails = "spring.security.oauth2.client.provider." + id + ".";
        properties.add(providerDetails + "issuer-uri", provider::issuer);
        properties.add(providerDetails + "user-name-attribute", () -> "preferred_username");
    }

    @AfterAll
    static void stopProviders() {
        nordbyProvider.close();
        sydbyProvider.close();
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
    void aSydbyCoordinatorChoosesSydbyAndSeesSydbysRequestsOnly() {
        browser.open("/login");
        assertThat(browser.findAll(By.cssSelector(".sign-on-choices a")).stream().map(WebElement::getText))
                .as("one button per municipality, by name").contains("Nordby Kommune", "Sydby Kommune");
        browser.assertAccessible();
        browser.find(By.linkText("Sydby Kommune")).click();
        logInAt(sydbyProvider, SYDBY_COORDINATOR);

        assertThat(browser.path()).isEqualTo("/opgaver");
        assertThat(browser.mainText()).doesNotContain(NORDBY_TRIAGE);
        browser.open("/anmodninger/alle");
        assertThat(browser.mainText()).contains(SYDBY_REQUEST).doesNotContain(NORDBY_REQUEST);
        assertThat(persons(SYDBY_COORDINATOR.username()))
                .as("kept in Sydby, with Sydby's mapping of its groups").containsExactly("sydby: Sune Sydby coordinators");
        logOut();
    }

    @Test
    void aSydbyTokenWithTheUserNameOfNordbysCoordinatorGetsNothingOfNordby() {
        // Nordby's own coordinator first, through Nordby's provider: Nordby's requests and a person row in Nordby.
        browser.open("/login");
        browser.find(By.linkText("Nordby Kommune")).click();
        logInAt(nordbyProvider, NORDBY_COORDINATOR);
        assertThat(browser.mainText()).as("the inbox").contains(NORDBY_TRIAGE);
        browser.open("/anmodninger/alle");
        assertThat(browser.mainText()).contains(NORDBY_REQUEST).doesNotContain(SYDBY_REQUEST);
        logOut();
        String nordbyRequest = Tenancy.callAs(NORDBY, () -> jdbc.sql("select id from purchase_request where title = ?")
                .param(NORDBY_REQUEST).query(String.class).single());
        Map<String, Integer> nordbyBefore = nordbyRows();

        browser.type("email", "Kurt@Sydby.example");
        browser.submit(By.id("login-by-email"));
        logInAt(sydbyProvider, SYDBY_NAMESAKE);

        assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo("Logget ind som Kurt Sydby");
        assertThat(browser.mainText()).as("the inbox").doesNotContain(NORDBY_TRIAGE);
        browser.open("/anmodninger/alle");
        assertThat(browser.mainText()).contains(SYDBY_REQUEST).doesNotContain(NORDBY_REQUEST, NORDBY_TRIAGE);
        browser.open("/anmodninger/alle?q=tandskanning");
        assertThat(browser.mainText()).doesNotContain(NORDBY_REQUEST);
        browser.open("/anmodninger/" + nordbyRequest);
        assertThat(browser.title()).startsWith("Siden findes ikke");
        assertThat(statusOf("/anmodninger/" + nordbyRequest)).isEqualTo(404L);
        logOut();

        assertThat(nordbyRows()).as("nothing of Nordby changed").isEqualTo(nordbyBefore);
        assertThat(persons("koordinator")).as("two people, each kept in their own municipality")
                .containsExactly("nordby: Karen Koordinator coordinators", "sydby: Kurt Sydby coordinators");
    }

    @Test
    void aSydbyTokenArrivingThroughAnotherMunicipalitysRegistrationLogsNobodyIn() {
        browser.open("/oauth2/authorization/vestby");
        logInAt(sydbyProvider, SYDBY_COORDINATOR);

        assertThat(browser.path()).isEqualTo("/login?oidcError");
        assertThat(browser.text(By.id("login-oidc-failed"))).startsWith("Login gennem kommunens login lykkedes ikke.");
        browser.open("/anmodninger");
        assertThat(browser.path()).as("still not logged in").startsWith("/login");
    }

    @Test
    void theWorkEmailAddressLeadsToItsMunicipalitysProviderAndAnUnknownOneIsSaidSo() {
        browser.open("/login");
        browser.type("email", "anna@andeby.example");
        browser.submit(By.id("login-by-email"));
        assertThat(browser.path()).isEqualTo("/login/kommune");
        assertThat(browser.text(By.id("login-email-unknown"))).isEqualTo("Vi kan ikke finde din kommunes login ud fra den"
                + " e-mailadresse. Tjek adressen, eller vælg din kommune på listen.");
        assertThat(browser.field("email").getAttribute("value")).isEqualTo("anna@andeby.example");
        browser.assertAccessible();
        assertThat(browser.runAsync("""
                const done = arguments[arguments.length - 1];
                const form = new URLSearchParams();
                form.append('_csrf', document.querySelector('input[name=_csrf]').value);
                form.append('email', 'ikke en adresse');
                fetch('/login/kommune', {method: 'POST', body: form, redirect: 'manual'}).then(answer => done(answer.status));
                """)).as("400, not 500").isEqualTo(400L);

        browser.type("email", " sune@SYDBY.example ");
        browser.submit(By.id("login-by-email"));
        assertThat(browser.url()).startsWith(sydbyProvider.issuer() + "/login");
    }

    /** At the provider's login form (where our page or a page that sent there led), then back to us. */
    private void logInAt(LoopbackOpenIdProvider provider, Person person) {
        assertThat(browser.url()).startsWith(provider.issuer() + "/login");
        browser.type("username", person.username());
        browser.type("password", LoopbackOpenIdProvider.PASSWORD);
        browser.submit(By.tagName("form"));
        assertThat(browser.url()).startsWith(BASE_URL + "/");
    }

    /** "Log ud" ends our session and the provider's, then shows our login page. */
    private void logOut() {
        browser.submit("/logout");
        assertThat(browser.url()).isEqualTo(BASE_URL + "/login?logout");
    }

    private Object statusOf(String path) {
        return browser.runAsync("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {redirect: 'manual'}).then(answer => done(answer.status));
                """, path);
    }

    private List<String> persons(String userId) {
        return Tenancy.callAcross(() -> jdbc.sql("""
                        select tenant_id || ': ' || name || ' ' || array_to_string(groups, ',') from person
                        where user_id = ? order by tenant_id""")
                .param(userId).query(String.class).list());
    }

    /** How many rows of Nordby's requests there are, and when they last changed. */
    private Map<String, Integer> nordbyRows() {
        return Tenancy.callAs(NORDBY, () -> Stream.of("purchase_request", "case_history", "area_screening", "decision",
                        "triage_note", "person")
                .collect(Collectors.toMap(table -> table,
                        table -> jdbc.sql("select count(*) from " + table).query(Integer.class).single())));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
