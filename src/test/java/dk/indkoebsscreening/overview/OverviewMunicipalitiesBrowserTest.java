package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared organisation's administrator on the dashboard in a real browser, on a desktop and on a phone: all
 * municipalities together first, then one chosen in the list. The municipality made here is removed after.
 */
class OverviewMunicipalitiesBrowserTest extends BrowserTestBase {

    private static final String OTHER = "test-overblik-vestby";

    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalitySettings settings;

    @AfterEach
    void removeMunicipality() {
        MadeUpMunicipalities.remove(jdbc, identity, OTHER);
    }

    @Test
    void anAdministratorLooksAtAllMunicipalitiesAndThenAtOne() {
        settings.create(new MunicipalityForm(OTHER, "Vestby Kommune", null, null, "Vestby Indkøb <indkoeb@vestby.example>", null,
                10, BigDecimal.ZERO, null, "urn:indkoebsscreening:vestby", Map.of(), Set.of()));
        browser.login("admin");
        browser.find(By.linkText("Overblik")).click();
        assertThat(browser.title()).startsWith("Overblik: Alle kommuner");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overblik: Alle kommuner");
        assertThat(browser.text(By.id("own-work-only"))).contains("vises for dens koordinatorer");
        browser.assertAccessible();

        new Select(browser.field("kommune")).selectByVisibleText("Vestby Kommune");
        browser.submit(By.id("choose-municipality"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overblik: Vestby Kommune");
        assertThat(new Select(browser.field("kommune")).getFirstSelectedOption().getText()).isEqualTo("Vestby Kommune");
        assertThat(browser.findAll(By.id("renewals"))).isEmpty();
        browser.assertAccessible();

        new Select(browser.field("kommune")).selectByVisibleText("Nordby Kommune");
        browser.submit(By.id("choose-municipality"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overblik: Nordby Kommune");
        assertThat(browser.findAll(By.id("renewals"))).as("each municipality's coordinators' work list").isEmpty();
        browser.assertAccessible();
    }
}
