package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.Mails.Mail;
import dk.indkoebsscreening.testsupport.Timers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mails of a request's whole life, read back from a real SMTP server: exactly the expected people, the
 * Danish text, links that lead to the task; one mail per person however many of their groups a step concerns.
 */
class NotificationsTest extends ApiTestBase {

    private static final String CONDITION = "Databehandleraftalen underskrives før systemet tages i brug";

    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;

    Mails mails;

    @BeforeEach
    void readMails() {
        mails = new Mails(smtp);
    }

    @AfterEach
    void cleanUp() {
        if (identity.createUserQuery().userId("tove").count() > 0) {
            identity.deleteUser("tove");
        }
    }

    @Test
    void aRequestsLifeMailsExactlyThePeopleEachStepNeeds() {
        JsonNode submitted = api.submit("anna", "Bookingsystem til borgerservice");
        String requestId = submitted.get("id").asText();
        String reference = submitted.get("reference").asText();
        String site = "http://localhost:" + port;

        Mail triage = mails.awaitOne(reference, "TRIAGE_NEEDED", "koordinator@demo.kommune.dk");
        assertThat(triage.subject()).isEqualTo("Ny anmodning til triage: " + reference + " Bookingsystem til borgerservice");
        assertThat(triage.text()).contains("Kære Karen Koordinator,", "Anna Andersen har anmodet om et nyt it-system",
                "Anmoder: Anna Andersen (", "Frist for screening: ", "arbejdsdage tilbage",
                "Åbn triagen: " + site + "/opgaver/til/" + requestId + "?type=TRIAGE", "Mine indstillinger (" + site + "/indstillinger)");
        assertThat(triage.html()).contains("<a href=\"" + site + "/opgaver/til/" + requestId + "?type=TRIAGE\"", "Kære Karen Koordinator,");
        assertThat(triage.autoSubmitted()).isEqualTo("auto-generated");
        assertThat(triage.from()).contains("indkoebsscreening@demo.kommune.dk");
        String triageTask = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        assertThat(linkFollowed(Lifecycle.COORDINATOR, triage.text(), site)).endsWith("/opgaver/" + triageTask);

        // The receipt: the screening's deadline said as what it is to the requester, and the way to the request.
        Mail receipt = mails.awaitOne(reference, "RECEIVED", "anna@demo.kommune.dk");
        assertThat(receipt.subject()).isEqualTo("Vi har modtaget din anmodning " + reference + " Bookingsystem til borgerservice");
        assertThat(receipt.text()).contains("Kære Anna Andersen,", "Tak for din anmodning »Bookingsystem til borgerservice«",
                "Forventet afgørelse senest: ", "Du kan forvente en afgørelse senest ", "du svarer på siden for anmodningen",
                "Se din anmodning: " + site + "/anmodninger/" + requestId, "Mine indstillinger (" + site + "/indstillinger)")
                .doesNotContain("Frist for screening", "arbejdsdage tilbage", "triage");
        assertThat(receipt.html()).contains("<a href=\"" + site + "/anmodninger/" + requestId + "\"", "Forventet afgørelse senest");

        api.completeOk(Lifecycle.COORDINATOR, triageTask,
                Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Skal systemet kunne sende sms til borgerne?"));
        Mail question = mails.awaitOne(reference, "QUESTION", "anna@demo.kommune.dk");
        assertThat(question.subject()).isEqualTo("Spørgsmål til din anmodning " + reference + " Bookingsystem til borgerservice");
        assertThat(question.text()).contains("Kære Anna Andersen,", "Karen Koordinator har et spørgsmål til din anmodning:",
                "»Skal systemet kunne sende sms til borgerne?«", "Svar på spørgsmålet: " + site + "/anmodninger/" + requestId);

        String questionTask = api.awaitTask("anna", requestId, "MORE_INFORMATION").get("id").asText();
        api.completeOk("anna", questionTask, Map.of("answer", "Ja, påmindelser om tider."));
        Mail answered = mails.awaitOne(reference, "TRIAGE_AGAIN", "koordinator@demo.kommune.dk");
        assertThat(answered.text()).contains("Anna Andersen har svaret på spørgsmålet", "»Ja, påmindelser om tider.«");

        String secondTriage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, secondTriage, Map.of("outcome", "ACCEPT"));
        for (Area area : Area.values()) {
            Mail opened = mails.awaitOne(reference, "SCREENING_OPENED", Lifecycle.expertFor(area) + "@demo.kommune.dk");
            assertThat(opened.subject()).isEqualTo("Ny screening: " + reference + " Bookingsystem til borgerservice");
            assertThat(opened.text()).contains("Det gælder: " + danish(area) + ".", "System: ", " fra ", "arbejdsdage tilbage",
                    "Åbn opgaven: " + site + "/opgaver/til/" + requestId + "?type=SCREENING&omraade=" + area.name());
        }
        Mail securityMail = mails.awaitOne(reference, "SCREENING_OPENED", "sikkerhed@demo.kommune.dk");
        String securityTask = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        assertThat(linkFollowed("sikkerhed", securityMail.text(), site)).endsWith("/opgaver/" + securityTask);
        Mail started = mails.awaitOne(reference, "SCREENING_STARTED", "anna@demo.kommune.dk");
        assertThat(started.text()).contains("Din anmodning »Bookingsystem til borgerservice« er sendt til screening",
                "Se din anmodning: " + site + "/anmodninger/" + requestId);

        lifecycle.screen(requestId, Area.SECURITY, ApiClient.screening("APPROVED_WITH_CONDITIONS", List.of(CONDITION),
                lifecycle.validChecklist(Area.SECURITY)));
        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.IMPLEMENTATION)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        new Timers(engine).fire(requestId, Timers.REMINDER);
        Mail reminder = mails.awaitOne(reference, "REMINDER", "kontrakt@demo.kommune.dk");
        mails.awaitOne(reference, "REMINDER", "installation@demo.kommune.dk");
        assertThat(reminder.subject()).isEqualTo("Påmindelse: fristen for screeningen af " + reference
                + " Bookingsystem til borgerservice nærmer sig");
        assertThat(reminder.text()).contains("Disse områder er endnu ikke screenet: Kontrakt.", "Påmindelser om fristen sendes altid")
                .doesNotContain("Mine indstillinger");

        new Timers(engine).fire(requestId, Timers.DEADLINE);
        Mail escalation = mails.awaitOne(reference, "ESCALATION", "koordinator@demo.kommune.dk");
        assertThat(escalation.subject()).isEqualTo("Fristen er overskredet: " + reference + " Bookingsystem til borgerservice");
        assertThat(escalation.text()).contains("Ikke screenet:", "  - Kontrakt", "  - Installation").doesNotContain("  - Support");
        String escalationTask = api.awaitTask(Lifecycle.COORDINATOR, requestId, "ESCALATION").get("id").asText();
        assertThat(linkFollowed(Lifecycle.COORDINATOR, escalation.text(), site)).endsWith("/opgaver/" + escalationTask);
        api.completeOk(Lifecycle.COORDINATOR, escalationTask, Map.of("comment", "Kontrakt og installation rykket"));

        lifecycle.screen(requestId, Area.CONTRACT, lifecycle.approval(Area.CONTRACT));
        lifecycle.screen(requestId, Area.INSTALLATION, lifecycle.approval(Area.INSTALLATION));
        Mail decisionNeeded = mails.awaitOne(reference, "DECISION_NEEDED", "koordinator@demo.kommune.dk");
        assertThat(decisionNeeded.text()).contains("Alle områder i omfanget er screenet, og anbefalingen er: Godkendt med betingelser.");
        String decisionTask = api.awaitTask(Lifecycle.COORDINATOR, requestId, "DECISION").get("id").asText();
        assertThat(linkFollowed(Lifecycle.COORDINATOR, decisionNeeded.text(), site)).endsWith("/opgaver/" + decisionTask);

        api.completeOk(Lifecycle.COORDINATOR, decisionTask,
                Map.of("outcome", "APPROVED_WITH_CONDITIONS", "reason", "Behovet er dokumenteret."));
        Mail decision = mails.awaitOne(reference, "DECISION", "anna@demo.kommune.dk");
        assertThat(decision.subject()).isEqualTo("Afgørelse på din anmodning " + reference + ": Godkendt med betingelser");
        assertThat(decision.text()).contains("Der er truffet afgørelse om din anmodning »Bookingsystem til borgerservice«: "
                        + "Godkendt med betingelser. Afgjort af Karen Koordinator.", "Begrundelse:", "»Behovet er dokumenteret.«",
                "Hvad sker der nu?:", "  - Købet er godkendt på betingelser.", "Betingelser, der skal være opfyldt:", "  - " + CONDITION,
                "Ansvarlig: Anna Andersen. Frist: Før idriftsættelse (", "Status: Åben. Spørg: Sara Sikkerhed (sikkerhed).",
                "Det skal kommunen gøre herefter:", "Registrér systemet i KITOS", "Se afgørelsen: " + site + "/anmodninger/" + requestId);
        assertThat(decision.text()).as("no screening deadline once decided").doesNotContain("Frist for screening");
        assertThat(decision.html()).as("the condition and its facts in one item, on lines of their own")
                .containsPattern(">" + java.util.regex.Pattern.quote(CONDITION) + "\\r?\\nAnsvarlig: Anna Andersen\\.");
        // A task link once nobody needs to act any more leads to the request.
        assertThat(linkFollowed(Lifecycle.COORDINATOR, triage.text(), site)).endsWith("/anmodninger/" + requestId);

        assertThat(mails.about(reference)).extracting(Mail::kind, Mail::to).containsExactlyInAnyOrder(
                tuple("TRIAGE_NEEDED", "koordinator@demo.kommune.dk"),
                tuple("RECEIVED", "anna@demo.kommune.dk"),
                tuple("QUESTION", "anna@demo.kommune.dk"),
                tuple("TRIAGE_AGAIN", "koordinator@demo.kommune.dk"),
                tuple("SCREENING_OPENED", "sikkerhed@demo.kommune.dk"),
                tuple("SCREENING_OPENED", "brugerstyring@demo.kommune.dk"),
                tuple("SCREENING_OPENED", "support@demo.kommune.dk"),
                tuple("SCREENING_OPENED", "kontrakt@demo.kommune.dk"),
                tuple("SCREENING_OPENED", "installation@demo.kommune.dk"),
                tuple("SCREENING_OPENED", "implementering@demo.kommune.dk"),
                tuple("SCREENING_STARTED", "anna@demo.kommune.dk"),
                tuple("REMINDER", "kontrakt@demo.kommune.dk"),
                tuple("REMINDER", "installation@demo.kommune.dk"),
                tuple("ESCALATION", "koordinator@demo.kommune.dk"),
                tuple("DECISION_NEEDED", "koordinator@demo.kommune.dk"),
                tuple("DECISION", "anna@demo.kommune.dk"));
        assertThat(mails.about(reference)).extracting(Mail::messageId).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from mail_outbox where request_id = ?::uuid and sent_at is not null")
                .param(requestId).query(Long.class).single()).isEqualTo(16);
    }

    @Test
    void someoneInSeveralGroupsGetsOneMailNamingEachOfTheirAreas() {
        User tove = identity.newUser("tove");
        tove.setFirstName("Tove");
        tove.setLastName("Tværgående");
        tove.setEmail(" Tove.Tvaergaaende@Demo.Kommune.dk ");
        tove.setPassword("demo");
        identity.saveUser(tove);
        identity.createMembership("tove", Area.SECURITY.candidateGroup());
        identity.createMembership("tove", Area.CONTRACT.candidateGroup());

        String requestId = lifecycle.submitAndAccept("bent", "Kontraktstyring");
        String reference = api.details("bent", requestId).get("reference").asText();

        Mail toTove = mails.awaitOne(reference, "SCREENING_OPENED", "tove.tvaergaaende@demo.kommune.dk");
        assertThat(toTove.text()).contains("Kære Tove Tværgående,", "Det gælder: Sikkerhed og GDPR, Kontrakt.",
                "Åbn opgaverne: http://localhost:" + port + "/opgaver?q=" + reference);
        mails.awaitOne(reference, "SCREENING_OPENED", "sikkerhed@demo.kommune.dk");
        mails.awaitOne(reference, "SCREENING_OPENED", "kontrakt@demo.kommune.dk");
        mails.awaitAbout(reference, "the other experts' mails", about -> about.size() >= 9);
        assertThat(mails.about(reference)).filteredOn(mail -> mail.kind().equals("SCREENING_OPENED")).hasSize(7)
                .extracting(Mail::to).doesNotHaveDuplicates();
    }

    @Test
    void aTriageRejectionTellsTheRequesterWhy() {
        JsonNode submitted = api.submit("bent", "Endnu et regneark");
        String requestId = submitted.get("id").asText();
        String reference = submitted.get("reference").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "REJECT", "comment", "Dækkes af kommunens regnearksløsning."));

        Mail decision = mails.awaitOne(reference, "DECISION", "bent@demo.kommune.dk");
        assertThat(decision.subject()).endsWith(": Afvist");
        assertThat(decision.text()).contains("»Dækkes af kommunens regnearksløsning.«", "  - Købet er afvist ved triagen",
                "Vil du prøve igen?:", "indsende en ny anmodning").doesNotContain("Betingelser");
        assertThat(mails.about(reference)).extracting(Mail::kind).as("a rejection at triage is a decision: the survey follows")
                .containsExactlyInAnyOrder("TRIAGE_NEEDED", "RECEIVED", "DECISION", "SATISFACTION");
    }

    @Test
    void aRejectionByTheAreasSaysWhyPerAreaAndWhatWouldChangeIt() {
        String requestId = lifecycle.submitAndAccept("bent", "Borgerportal i skyen");
        String reference = api.details("bent", requestId).get("reference").asText();
        for (Area area : Area.values()) {
            lifecycle.screen(requestId, area, area != Area.SECURITY ? lifecycle.approval(area)
                    : lifecycle.rejection(area, List.of("Data opbevares i EU"), "Data ligger i USA."));
        }
        lifecycle.decide(requestId, "REJECTED", null);

        Mail decision = mails.awaitOne(reference, "DECISION", "bent@demo.kommune.dk");
        assertThat(decision.text()).contains("Hvad sker der nu?:", "  - Købet er afvist.", "Sikkerhed og GDPR afviste:",
                "  - Data ligger i USA.", "  - Det skulle der til: Data opbevares i EU", "  - Spørg: Sara Sikkerhed (sikkerhed)",
                "Vil du prøve igen?:").doesNotContain("Koordinatoren besluttede", "KITOS");
    }

    @Test
    void anOverriddenAreaIsNamedWithTheCoordinatorsReason() {
        String requestId = lifecycle.submitAndAccept("bent", "Kontrakt uden exit");
        String reference = api.details("bent", requestId).get("reference").asText();
        for (Area area : Area.values()) {
            lifecycle.screen(requestId, area, area != Area.CONTRACT ? lifecycle.approval(area)
                    : lifecycle.rejection(area, List.of(), "Ingen exit-klausul."));
        }
        lifecycle.decideWith(requestId, Map.of("outcome", "APPROVED_WITH_CONDITIONS", "reason", "SKI 02.19 dækker exit.",
                "ownConditions", List.of(Map.of("text", "Indhent tilbud via SKI 02.19"))));

        Mail decision = mails.awaitOne(reference, "DECISION", "bent@demo.kommune.dk");
        assertThat(decision.text()).contains("»SKI 02.19 dækker exit.«", "  - Indhent tilbud via SKI 02.19",
                "Spørg: Karen Koordinator (koordinator).", "Koordinatoren afveg fra områdernes vurdering:",
                "  - Kontrakt vurderede Afvist, men koordinatoren besluttede Godkendt med betingelser.");
    }

    /** The path a mail's first link leads to for the user (where the page redirects). */
    private String linkFollowed(String user, String text, String site) {
        int start = text.indexOf(site + "/opgaver/til/");
        String link = text.substring(start + site.length()).lines().findFirst().orElseThrow();
        return api.redirectOf(user, link);
    }

    private static String danish(Area area) {
        return switch (area) {
            case SECURITY -> "Sikkerhed og GDPR";
            case USER_MANAGEMENT -> "Brugerstyring";
            case SUPPORT -> "Support";
            case CONTRACT -> "Kontrakt";
            case INSTALLATION -> "Installation";
            case IMPLEMENTATION -> "Implementering";
        };
    }
}
