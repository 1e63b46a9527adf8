package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What people see of the security measures: the login's waiting time, and a request form sent twice. */
class SecurityPagesBrowserTest extends BrowserTestBase {

    @Test
    void afterRepeatedWrongPasswordsTheLoginPageSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            browser.open("/login");
            browser.field("username").sendKeys("vikar-uden-konto");
            browser.field("password").sendKeys("forkert" + i);
            browser.submit();
        }

        assertThat(browser.text(By.id("login-wait"))).matches("For mange forkerte forsøg\\. Vent [12] sekund(er)?, og prøv igen\\.");
        assertThat(browser.mainText()).contains("Brugernavn eller adgangskode er forkert.");
        browser.assertAccessible();
    }

    @Test
    void aRequestFormSentAgainWithChangesSaysItWasSentAndMakesNoSecondRequest() {
        browser.login("anna");
        browser.open("/anmodninger/ny");
        browser.type("field-title", "Mødebooking for rådhuset");
        browser.type("field-systemName", "RoomBook");
        browser.type("field-vendor", "Eksempel A/S");
        browser.type("field-need", "Medarbejderne skal kunne booke mødelokaler.");
        browser.type("field-department", "Rådhuset");
        browser.type("field-oneOffCostDkk", "10.000");
        browser.type("field-annualCostDkk", "5.000");
        browser.type("field-contractYears", "2");
        browser.type("field-expectedUsers", "300");
        browser.setDate("field-desiredStartDate", LocalDate.now().plusMonths(2).toString());
        RequestFormFacts.fillFundingAndBenefits(browser);
        browser.choose("personalDataCategories", "NONE");
        browser.choose("hosting", "CLOUD_EU");
        browser.choose("hasIntegrations", "false");
        browser.submit();
        assertThat(browser.path()).endsWith("/kvittering");
        String reference = browser.text(By.id("reference"));

        browser.navigateBack();
        browser.type("field-title", "Mødebooking for rådhuset og biblioteket");
        browser.submit();

        assertThat(browser.path()).isEqualTo("/anmodninger/ny");
        assertThat(browser.text(By.cssSelector("main .notice"))).contains("allerede sendt ind som " + reference);
        browser.assertAccessible();
        browser.open("/anmodninger");
        assertThat(browser.mainText()).doesNotContain("Mødebooking for rådhuset og biblioteket");
    }
}
