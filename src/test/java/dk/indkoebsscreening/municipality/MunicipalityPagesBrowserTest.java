package dk.indkoebsscreening.municipality;

import org.camunda.bpm.engine.IdentityService;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.BrowserTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrators' municipality pages in a real browser, on a desktop and on a phone: the list, a new municipality
 * refused in Danish and then added, and its settings changed. The municipality added is removed after.
 */
class MunicipalityPagesBrowserTest extends BrowserTestBase {

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeMunicipality() {
        MadeUpMunicipalities.remove(jdbc, identity, "test-browser-oestby");
    }

    @Test
    void anAdministratorAddsAMunicipalityAndChangesItsSettings() {
        browser.login("admin");
        browser.find(By.linkText("Kommuner")).click();
        assertThat(browser.title()).startsWith("Kommuner");
        assertThat(browser.text(By.id("municipalities"))).contains("Nordby Kommune", "urn:indkoebsscreening:nordby");
        browser.assertAccessible();

        browser.find(By.id("add-municipality")).click();
        browser.type("field-id", "Østby Kommune");
        browser.type("field-mailSender", "ikke en adresse");
        browser.submit();
        assertThat(browser.text(By.tagName("main"))).contains("Id'et må kun have små bogstaver", "Skriv kommunens navn.",
                "Angiv én e-mailadresse", "Angiv hændelsernes kilde");
        browser.assertAccessible();

        browser.type("field-id", "test-browser-oestby");
        browser.type("field-name", "Østby Kommune");
        browser.type("field-mailSender", "Indkøbsscreening <indkoeb@oestby.example>");
        browser.type("field-fastTrackMaxValueDkk", "150.000");
        browser.type("field-eventsSource", "urn:indkoebsscreening:oestby");
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).contains("Østby Kommune er tilføjet.");
        assertThat(browser.text(By.id("municipalities"))).contains("Østby Kommune", "indkoeb@oestby.example");

        browser.find(By.linkText("Østby Kommune")).click();
        assertThat(browser.findAll(By.id("field-id"))).isEmpty();
        browser.type("field-logoText", "Digitalisering og IT");
        browser.type("field-dpiaMinUsers", "500");
        browser.find(By.cssSelector("input[name=sharedAreas][value=INSTALLATION]")).click();
        browser.assertAccessible();
        browser.assertReadableAtEveryWidth();
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).contains("Østby Kommune er gemt.");
        assertThat(jdbc.sql("select dpia_min_users from municipality where id = 'test-browser-oestby'").query(Integer.class).single())
                .isEqualTo(500);
        assertThat(jdbc.sql("select array_to_string(shared_areas, ',') from municipality where id = 'test-browser-oestby'")
                .query(String.class).single()).as("routed to the shared organisation's experts").isEqualTo("INSTALLATION");

        browser.login("koordinator");
        assertThat(browser.findAll(By.linkText("Kommuner"))).isEmpty();
    }
}
