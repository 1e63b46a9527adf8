package dk.indkoebsscreening.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up of conditions in a real browser: approved with the security and the contract area's conditions, the
 * requester finds them on the request's page, reports one with a file on its page, the security expert finds it in the
 * inbox and verifies it, and the request shows the other still open. Each page checked at 1280, 640 and 390 px.
 */
class FollowUpBrowserTest extends BrowserTestBase {

    @Autowired
    ChecklistProperties checklists;

    @Test
    void theRequesterReportsAConditionWithAFileAndTheSecurityExpertVerifiesIt() throws IOException {
        ApiClient api = new ApiClient(port);
        Lifecycle lifecycle = new Lifecycle(api, checklists);
        String requestId = lifecycle.runToApprovalWithConditions("anna", "Planlægning i hjemmeplejen",
                Map.of(Area.SECURITY, List.of("Databehandleraftale med leverandøren underskrevet før idriftsættelse"),
                        Area.CONTRACT, List.of("Exit-klausul med udlevering af data i et åbent format")));

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("conditions"))).contains("1. Databehandleraftale med leverandøren",
                "2. Exit-klausul", "Åben", "Ansvarlig: Anna Andersen", "Sikkerhed og GDPR");
        browser.assertAccessible();

        browser.find(By.cssSelector("#conditions a")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Betingelse 1");
        browser.assertAccessible();
        Path pdf = Path.of("target", "databehandleraftale.pdf").toAbsolutePath();
        java.nio.file.Files.write(pdf, Files.pdf("Databehandleraftale"));
        browser.field("file").sendKeys(pdf.toString());
        browser.submit(By.cssSelector("#report form.upload"));
        assertThat(browser.text(By.className("notice-success"))).contains("databehandleraftale.pdf");
        browser.type("field-text", "Aftalen er underskrevet af begge parter den 2. marts.");
        browser.find(By.cssSelector("input[name='files']")).click();
        browser.submit("/meld");
        assertThat(browser.text(By.className("notice-success"))).isEqualTo("Betingelse 1 er meldt opfyldt og sendt til verificering.");
        assertThat(browser.text(By.id("condition-status"))).isEqualTo("Meldt opfyldt");
        assertThat(browser.text(By.id("evidence"))).contains("Aftalen er underskrevet", "databehandleraftale.pdf");
        browser.assertAccessible();

        browser.login("sikkerhed");
        browser.open("/opgaver");
        browser.find(By.xpath("//main//a[contains(., 'Planlægning i hjemmeplejen')]")).click();
        assertThat(browser.mainText()).contains("Verificér betingelse", "Opgaven løses på betingelsens side");
        browser.assertAccessible();
        browser.find(By.cssSelector("#conditions a")).click();
        assertThat(browser.text(By.id("evidence"))).contains("databehandleraftale.pdf");
        browser.assertAccessible();
        browser.submit("/verificer");
        assertThat(browser.text(By.id("condition-status"))).isEqualTo("Verificeret");

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("conditions"))).contains("Verificeret", "Åben");
        assertThat(browser.text(By.id("status"))).isEqualTo("Godkendt med betingelser");
        browser.assertAccessible();
    }
}
