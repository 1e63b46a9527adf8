package dk.indkoebsscreening.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.Mails.Mail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision people can act on, in a real browser: the coordinator decides with the conditions of two areas (one
 * reworded, one merged into it) and one of their own, refused first for a rewording without a reason; the requester reads
 * the three conditions under "Hvad sker der nu?" with owner, due date, status and whom to ask, reports the first with a
 * file, the security expert verifies it and the request shows the rest open; the decision mail says the same; a
 * rejection tells the requester why per area and what would change it.
 */
class DecisionBrowserTest extends BrowserTestBase {

    private static final String DPA = "Databehandleraftale underskrives før brug";
    private static final String LOGGING = "Logning af opslag i CPR aftales med leverandøren";
    private static final String EXIT = "Exit-plan med dataudtræk i kontrakten";
    private static final String REWORDED = "Databehandleraftalen er underskrevet af begge parter og regulerer logningen";
    private static final String OWN = "Indhent tilbud via SKI 02.19";

    @Autowired
    ChecklistProperties checklists;
    @Autowired
    EmbeddedSmtpServer smtp;

    @Test
    void theCoordinatorDecidesWithConditionsAndTheRequesterReadsWhatHappensNow() throws IOException {
        ApiClient api = new ApiClient(port);
        Lifecycle lifecycle = new Lifecycle(api, checklists);
        String requestId = lifecycle.submitAndAccept("anna", "Hjemmeplejens planlægning");
        String reference = api.details("anna", requestId).get("reference").asText();
        lifecycle.screenWithConditions(requestId, Map.of(Area.SECURITY, List.of(DPA, LOGGING), Area.CONTRACT, List.of(EXIT)));
        String task = api.awaitTask(Lifecycle.COORDINATOR, requestId, "DECISION").get("id").asText();
        String due = LocalDate.now().plusMonths(1).toString();

        browser.login(Lifecycle.COORDINATOR);
        browser.open("/opgaver/" + task);
        assertThat(browser.text(By.id("decided-conditions"))).contains("Sikkerhed og GDPR, betingelse 1", DPA,
                "Sikkerhed og GDPR, betingelse 2", LOGGING, "Kontrakt, betingelse 1", EXIT, "Dine egne betingelser");
        assertThat(browser.field("field-areaConditions[0]-text").getAttribute("value")).as("kept as set until changed").isEqualTo(DPA);
        browser.type("field-areaConditions[0]-text", REWORDED);
        browser.choose("areaConditions[1].handling", "MERGE");
        new Select(browser.field("field-areaConditions[1]-mergeInto")).selectByValue("SECURITY-1");
        browser.type("field-areaConditions[1]-note", "Aftalen er stedet, hvor logningen reguleres");
        browser.type("field-ownConditions[0]-text", OWN);
        browser.type("field-ownConditions[0]-owner", "bent");
        browser.setDate("field-ownConditions[0]-due", due);
        browser.submit("/opgaver/" + task);
        assertThat(browser.text(By.className("error-summary"))).contains("Skriv, hvorfor du har omformuleret betingelsen.");
        assertThat(browser.field("field-areaConditions[0]-text").getAttribute("value")).as("what was typed is kept").isEqualTo(REWORDED);
        assertThat(browser.field("field-ownConditions[0]-owner").getAttribute("value")).isEqualTo("bent");
        browser.assertAccessible();

        browser.type("field-areaConditions[0]-note", "Tydeligere for ansøgeren");
        browser.submit("/opgaver/" + task);
        assertThat(browser.text(By.cssSelector("main .notice-success")))
                .isEqualTo("Afgørelsen for " + reference + " er truffet: Godkendt med betingelser.");

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("decision"))).contains("3 betingelser: se Hvad sker der nu? nedenfor");
        assertThat(browser.text(By.id("what-now-condition-1"))).contains(REWORDED, "Åben", "Anna Andersen", "Før idriftsættelse (",
                "Sikkerhed og GDPR", "Sara Sikkerhed (sikkerhed)");
        assertThat(browser.text(By.id("what-now-condition-2"))).contains(EXIT, "Åben", "Anna Andersen", "Kontrakt",
                "Karl Kontrakt (kontrakt)");
        assertThat(browser.text(By.id("what-now-condition-3"))).contains(OWN, "Åben", "Bent", "Koordinatoren, ved afgørelsen",
                "Karen Koordinator (koordinator)").doesNotContain("Før idriftsættelse");
        assertThat(browser.findAll(By.cssSelector("#what-now .condition-list > li"))).hasSize(3);
        assertThat(browser.text(By.id("what-now"))).contains("Registrér systemet i KITOS").doesNotContain(DPA, LOGGING);
        browser.assertAccessible();

        api.awaitTask("anna", requestId, "FULFIL_CONDITION");
        browser.find(By.cssSelector("#what-now-condition-1 a")).click();
        assertThat(browser.text(By.id("condition-text"))).isEqualTo(REWORDED);
        Path signed = Files.write(Files.createDirectories(Path.of("target", "upload-files"))
                .resolve("Databehandleraftale underskrevet.pdf"), dk.indkoebsscreening.testsupport.Files.pdf("Underskrevet"));
        browser.find(By.id("file")).sendKeys(signed.toAbsolutePath().toString());
        browser.submit(By.cssSelector("#report form.upload"));
        browser.type("field-text", "Aftalen er underskrevet af leverandøren og kommunen; logningen står i bilag 3.");
        browser.find(By.cssSelector("input[name='files']")).click();
        browser.submit(By.cssSelector("form[action$='/meld']"));
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Betingelse 1 er meldt opfyldt og sendt til verificering.");
        assertThat(browser.text(By.id("condition-status"))).isEqualTo("Meldt opfyldt");
        assertThat(browser.text(By.id("evidence"))).contains("Databehandleraftale underskrevet.pdf");
        String conditionPage = browser.path();

        browser.login("sikkerhed");
        browser.open(conditionPage);
        browser.submit(By.cssSelector("form[action$='/verificer']"));
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Betingelse 1 er verificeret.");

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("what-now-condition-1"))).as("verified").contains(REWORDED, "Verificeret");
        assertThat(browser.text(By.id("what-now-condition-2"))).as("the rest still open").contains(EXIT, "Åben");
        assertThat(browser.text(By.id("what-now-condition-3"))).contains(OWN, "Åben");
        browser.assertAccessible();

        Mail mail = new Mails(smtp).awaitOne(reference, "DECISION", "anna@demo.kommune.dk");
        assertThat(mail.text()).contains("Hvad sker der nu?", REWORDED, EXIT, OWN, "Spørg: Sara Sikkerhed (sikkerhed).",
                "Spørg: Karl Kontrakt (kontrakt).", "Spørg: Karen Koordinator (koordinator).", "Registrér systemet i KITOS");
        Path html = Files.createDirectories(Path.of("target", "mails")).resolve("decision-with-conditions.html");
        Files.writeString(html, mail.html());
        browser.openFile(html);
        assertThat(browser.text(By.tagName("body"))).contains("Kære Anna Andersen,", "Betingelser, der skal være opfyldt", OWN);
        browser.assertReadableAtEveryWidth();
    }

    @Test
    void anAreaTheCoordinatorOverrodeSaysSoWithTheReason() {
        ApiClient api = new ApiClient(port);
        Lifecycle lifecycle = new Lifecycle(api, checklists);
        String requestId = lifecycle.submitAndAccept("anna", "Hjemmepleje uden exit-klausul");
        for (Area area : Area.values()) {
            lifecycle.screen(requestId, area, area == Area.CONTRACT
                    ? lifecycle.rejection(area, List.of(), "Kontrakten mangler exit-vilkår.") : lifecycle.approval(area));
        }
        lifecycle.decideWith(requestId, Map.of("outcome", "APPROVED_WITH_CONDITIONS", "reason", "SKI 02.19 giver exit-vilkårene.",
                "ownConditions", List.of(Map.of("text", OWN))));

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("areas"))).as("at the area itself").contains("Afvist", "Kontrakten mangler exit-vilkår.",
                "Koordinatoren besluttede Godkendt med betingelser: se hvorfor under Hvad sker der nu?");
        assertThat(browser.text(By.id("what-now"))).contains("Koordinatoren afveg fra områdernes vurdering",
                "Kontrakt vurderede Afvist, men koordinatoren besluttede Godkendt med betingelser.",
                "Koordinatorens begrundelse: SKI 02.19 giver exit-vilkårene.", OWN);
        browser.assertAccessible();
    }

    @Test
    void aRejectionSaysWhyPerAreaAndThatANewRequestMayBeSubmitted() throws IOException {
        ApiClient api = new ApiClient(port);
        Lifecycle lifecycle = new Lifecycle(api, checklists);
        String requestId = lifecycle.submitAndAccept("bent", "Borgerportal hostet i USA");
        for (Area area : Area.values()) {
            lifecycle.screen(requestId, area, area == Area.SECURITY ? lifecycle.rejection(area, List.of("Data opbevares i EU/EØS"),
                    "CPR-numre lagres hos en underleverandør i USA uden overførselsgrundlag.") : lifecycle.approval(area));
        }
        lifecycle.decide(requestId, "REJECTED", null);

        browser.login("bent");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("what-now"))).contains("Købet er afvist.", "Sikkerhed og GDPR",
                "CPR-numre lagres hos en underleverandør i USA", "Det skulle der til", "Data opbevares i EU/EØS",
                "Sara Sikkerhed (sikkerhed)", "kan du indsende en ny anmodning").doesNotContain("KITOS");
        assertThat(browser.find(By.cssSelector("#what-now-new-request a")).getAttribute("href")).endsWith("/anmodninger/ny");
        browser.assertAccessible();
    }
}
