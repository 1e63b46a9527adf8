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
        MadeUpMunicipalities.remove(jdbc, identity, "test-browser-nordby");
    }

    @Test
    void anAdministratorAddsAMunicipalityAndChangesItsSettings() {
        browser.login("admin");
        browser.find(By.linkText("Kommuner")).click();
        assertThat(browser.title()).startsWith("Kommuner");
        assertThat(browser.text(By.id("municipalities"))).contains("Demo Kommune", "urn:indkoebsscreening:demo-kommune");
        browser.assertAccessible();

        browser.find(By.id("add-municipality")).click();
        browser.type("field-id", "Nordby Kommune");
        browser.type("field-mailSender", "ikke en adresse");
        browser.submit();
        assertThat(browser.text(By.tagName("main"))).contains("Id'et må kun have små bogstaver", "Skriv kommunens navn.",
                "Angiv én e-mailadresse", "Angiv hændelsernes kilde");
        browser.assertAccessible();

        browser.type("field-id", "test-browser-nordby");
        browser.type("field-name", "Nordby Kommune");
        browser.type("field-mailSender", "Indkøbsscreening <indkoeb@nordby.example>");
        browser.type("field-fastTrackMaxValueDkk", "150.000");
        browser.type("field-eventsSource", "urn:indkoebsscreening:nordby");
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).contains("Nordby Kommune er tilføjet.");
        assertThat(browser.text(By.id("municipalities"))).contains("Nordby Kommune", "indkoeb@nordby.example");

        browser.find(By.linkText("Nordby Kommune")).click();
        assertThat(browser.findAll(By.id("field-id"))).isEmpty();
        browser.type("field-logoText", "Digitalisering og IT");
        browser.type("field-dpiaMinUsers", "500");
        browser.assertAccessible();
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).contains("Nordby Kommune er gemt.");
        assertThat(jdbc.sql("select dpia_min_users from municipality where id = 'test-browser-nordby'").query(Integer.class).single())
                .isEqualTo(500);

        browser.login("koordinator");
        assertThat(browser.findAll(By.linkText("Kommuner"))).isEmpty();
    }
}
