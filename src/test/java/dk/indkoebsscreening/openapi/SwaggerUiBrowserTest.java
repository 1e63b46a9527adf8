package dk.indkoebsscreening.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.BrowserTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Swagger UI runs under the pages' Content-Security-Policy as it is: nothing of it is refused, and it shows our document. */
class SwaggerUiBrowserTest extends BrowserTestBase {

    @Test
    void swaggerUiShowsTheJsonApiUnderOurContentSecurityPolicy() {
        browser.login("anna");
        browser.open("/swagger-ui/index.html");

        browser.awaitText(By.tagName("body"), "Indkøbsscreening JSON API");
        browser.awaitText(By.tagName("body"), "/api/tasks/{id}/complete");
        assertThat(browser.findAll(By.cssSelector(".opblock"))).hasSizeGreaterThan(20);
        assertThat(browser.text(By.tagName("body"))).doesNotContain("Petstore", "Failed to load API definition");
        assertThat(browser.contentSecurityPolicyRefusals()).isEmpty();
    }
}
