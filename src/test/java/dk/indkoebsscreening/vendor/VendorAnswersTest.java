package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.RefusedFileException;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The vendor's answers and documents, checked and stored all or nothing, and what the experts read of them. */
@RecordApplicationEvents
class VendorAnswersTest extends VendorTestBase {

    @Autowired
    ApplicationEvents facts;

    @Autowired
    InstallationProperties installation;

    @Test
    void theVendorSeesTheMunicipalityTheTitleAndTheQuestionsForThemOnly() {
        UUID requestId = inScreening("Bookingsystem til borgerservice");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);

        VendorQuestionnaire questionnaire = answers.questionnaire(invited.id());

        assertThat(questionnaire.municipality()).isEqualTo(installation.municipality());
        assertThat(questionnaire.requestTitle()).isEqualTo("Bookingsystem til borgerservice");
        assertThat(questionnaire.followUps()).isEmpty();
        assertThat(questionnaire.areas()).isNotEmpty().allSatisfy(part -> assertThat(part.questions()).isNotEmpty());
        assertThat(questionnaire.areas()).flatExtracting(VendorQuestionnaire.AreaPart::questions)
                .extracting(VendorQuestionnaire.AskedQuestion::id).contains("iso27001", "singleSignOn")
                .allMatch(id -> checklists.checklists().values().stream().flatMap(List::stream)
                        .anyMatch(question -> question.id().equals(id) && question.vendor() != null));
    }

    @Test
    void answersAreCheckedByTheirQuestionsTypeAndNoneIsStoredWhenOneIsRefused() {
        UUID requestId = inScreening("Svar kontrolleres");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("iso27001", "MAYBE");
        refused.put("singleSignOn", "SOMETIMES");
        assertThatThrownBy(() -> answers.save(invited.id(), refused)).isInstanceOfSatisfying(InvalidInputException.class,
                problem -> assertThat(problem.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                        tuple("iso27001", "vendor.answer.yesNo"),
                        tuple("singleSignOn", "vendor.answer.option")));
        for (Map<String, String> oneBad : List.of(
                Map.of("iso27001", "YES", "singleSignOn", "yes"),
                Map.of("iso27001", "YES", "dataProcessingAgreement", "JA"),
                Map.of("iso27001", "YES", "noSuchQuestion", "YES"),
                Map.of("iso27001", "YES", "followUp1", "There is no follow-up in round 1"))) {
            assertThatThrownBy(() -> answers.save(invited.id(), oneBad)).as(oneBad.toString()).isInstanceOf(InvalidInputException.class);
        }
        assertThat(vendorRows("vendor_answer", invited.id())).isZero();
        assertThat(history(requestId, HistoryKind.VENDOR_SAVED)).isEmpty();

        answers.save(invited.id(), Map.of("iso27001", "YES", "singleSignOn", "PARTLY"));
        answers.save(invited.id(), Map.of("singleSignOn", "YES"));

        assertThat(answers.answers(invited.id())).hasSize(2).hasEntrySatisfying("singleSignOn",
                answer -> assertThat(answer.value()).isEqualTo("YES"));
        assertThat(history(requestId, HistoryKind.VENDOR_SAVED)).containsExactly("Leverandøren (Jane Doe)", "Leverandøren (Jane Doe)");
        answers.save(invited.id(), Map.of("singleSignOn", ""));
        assertThat(answers.answers(invited.id())).containsOnlyKeys("iso27001");
    }

    @Test
    void followUpAnswersAreBoundedPlainText() {
        UUID requestId = inScreening("Opfølgning i tekst");
        VendorInvitation first = invitations.invite(requestId, invite(), EXPERT);
        answers.save(first.id(), Map.of("iso27001", "YES"));
        answers.submit(first.id());
        VendorInvitation second = invitations.invite(requestId, invite("Where is the data hosted?"), EXPERT);

        for (String bad : List.of("x".repeat(VendorAnswers.MAX_TEXT + 1), "Frankfurt\u0007", "Frankfurt\u202Eevil")) {
            assertThatThrownBy(() -> answers.save(second.id(), Map.of("followUp1", bad))).isInstanceOfSatisfying(InvalidInputException.class,
                    problem -> assertThat(problem.problems()).extracting(FieldProblem::field).containsExactly("followUp1"));
        }
        assertThat(vendorRows("vendor_answer", second.id())).isZero();

        answers.save(second.id(), Map.of("followUp1", "In Frankfurt (AWS eu-central-1).\n<script>alert(1)</script> is stored as text"));
        assertThat(answers.answers(second.id()).get("followUp1").value()).startsWith("In Frankfurt").contains("<script>");
    }

    @Test
    void aSubmittedRoundIsReadOnlyAndTheExpertsReadOnlySubmittedAnswers() {
        UUID requestId = inScreening("Indsendt");
        VendorInvitation first = invitations.invite(requestId, invite(), EXPERT);

        assertThatThrownBy(() -> answers.submit(first.id())).as("nothing answered").isInstanceOf(InvalidInputException.class);
        answers.save(first.id(), Map.of("iso27001", "YES", "singleSignOn", "PARTLY"));
        assertThat(answers.forRequest(requestId)).as("a draft is the vendor's own").isEmpty();

        answers.submit(first.id());

        assertThat(state(first.id())).isEqualTo("SUBMITTED");
        assertThat(history(requestId, HistoryKind.VENDOR_SUBMITTED)).containsExactly("Leverandøren (Jane Doe)");
        assertThat(facts.stream(VendorAnswered.class)).containsExactly(new VendorAnswered(requestId, first.id()));
        assertThatThrownBy(() -> answers.save(first.id(), Map.of("iso27001", "NO"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> answers.submit(first.id())).isInstanceOf(ConflictException.class);
        assertThat(answers.answers(first.id()).get("iso27001").value()).isEqualTo("YES");

        VendorInvitation second = invitations.invite(requestId, invite("Which NSIS level?"), EXPERT);
        answers.save(second.id(), Map.of("followUp1", "Substantial"));

        List<AreaAnswers> read = answers.forRequest(requestId);
        assertThat(read).extracting(AreaAnswers::area).containsExactly(Area.SECURITY, Area.USER_MANAGEMENT);
        assertThat(read.get(1).answer("singleSignOn").orElseThrow()).satisfies(answer -> {
            assertThat(answer.value()).as("round 2 is a draft").isEqualTo("PARTLY");
            assertThat(answer.round()).isEqualTo(1);
            assertThat(answer.question().answer()).isNotNull();
        });
        assertThat(answers.followUps(requestId)).isEmpty();

        answers.submit(second.id());

        List<AreaAnswers> later = answers.forRequest(requestId);
        assertThat(later.get(1).answer("singleSignOn").orElseThrow().value()).as("round 2 asked its follow-up only").isEqualTo("PARTLY");
        assertThat(later.get(0).answer("iso27001").orElseThrow().round()).as("the latest round that answered it").isEqualTo(1);
        assertThat(answers.followUps(requestId)).singleElement().satisfies(round -> {
            assertThat(round.round()).isEqualTo(2);
            assertThat(round.followUps()).containsExactly(
                    new RoundFollowUps.AnsweredFollowUp("followUp1", "Which NSIS level?", "Substantial", List.of()));
        });
    }

    @Test
    void aRoundAfterASubmittedOneAsksOnlyItsFollowUpsWithTheEarlierAnswersForReference() {
        UUID requestId = inScreening("Kun opfølgning");
        VendorInvitation first = invitations.invite(requestId, invite(), EXPERT);
        answers.save(first.id(), Map.of("iso27001", "YES", "singleSignOn", "PARTLY"));
        answers.submit(first.id());

        VendorInvitation second = invitations.invite(requestId, invite("Which NSIS level?"), EXPERT);
        VendorQuestionnaire asked = answers.questionnaire(second.id());

        assertThat(asked.areas()).as("the checklist was answered in round 1").isEmpty();
        assertThat(asked.followUps()).extracting(VendorQuestionnaire.FollowUp::text).containsExactly("Which NSIS level?");
        assertThat(asked.earlier()).flatExtracting(AreaAnswers::answers).extracting(AreaAnswers.SubmittedAnswer::questionId)
                .containsExactlyInAnyOrder("iso27001", "singleSignOn");
        assertThatThrownBy(() -> answers.save(second.id(), Map.of("singleSignOn", "YES"))).as("not asked in this round")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> answers.submit(second.id())).as("the follow-up is unanswered").isInstanceOf(InvalidInputException.class);
        answers.save(second.id(), Map.of("followUp1", "Substantial"));
        answers.submit(second.id());
        assertThat(answers.forRequest(requestId)).flatExtracting(AreaAnswers::answers).extracting(AreaAnswers.SubmittedAnswer::round)
                .as("the checklist's answers stay round 1's").containsOnly(1);
    }

    @Test
    void aRoundAfterOneNeverSubmittedAsksTheWholeChecklistAgain() {
        UUID requestId = inScreening("Forkert kontakt");
        VendorInvitation first = invitations.invite(requestId, invite(), EXPERT);
        answers.save(first.id(), Map.of("iso27001", "YES"));
        invitations.revoke(requestId, first.id(), EXPERT);

        VendorInvitation second = invitations.invite(requestId, invite(), EXPERT);
        VendorQuestionnaire asked = answers.questionnaire(second.id());

        assertThat(asked.areas()).isEqualTo(answers.questionnaire(first.id()).areas());
        assertThat(asked.earlier()).as("nothing was submitted").isEmpty();
    }

    @Test
    void documentsGoThroughTheAttachmentRules() {
        UUID requestId = inScreening("Dokumenter");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        long attachments = rows("attachment", requestId);

        assertThatThrownBy(() -> answers.addDocument(invited.id(), "iso27001", upload("certificate.pdf", Files.exe())))
                .as("a program named .pdf").isInstanceOf(RefusedFileException.class);
        assertThatThrownBy(() -> answers.addDocument(invited.id(), "noSuchQuestion", upload("certificate.pdf", Files.pdf("ISO 27001"))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(rows("attachment", requestId)).isEqualTo(attachments);
        assertThat(vendorRows("vendor_document", invited.id())).isZero();

        VendorDocument added = answers.addDocument(invited.id(), "iso27001", upload("ISO 27001 certificate.pdf", Files.pdf("ISO 27001")));

        assertThat(added.questionId()).isEqualTo("iso27001");
        assertThat(added.fileName()).endsWith(".pdf");
        assertThat(jdbc.sql("select step || ' ' || added_by from attachment where id = ?").param(added.attachmentId()).query(String.class).single())
                .isEqualTo("SCREENING Leverandøren (Jane Doe)");
        assertThat(answers.answers(invited.id()).get("iso27001")).satisfies(answer -> {
            assertThat(answer.value()).isNull();
            assertThat(answer.documents()).containsExactly(added);
        });
        answers.submit(invited.id());
        assertThat(answers.forRequest(requestId).get(0).answer("iso27001").orElseThrow().documents()).containsExactly(added);
        assertThatThrownBy(() -> answers.removeDocument(invited.id(), added.attachmentId())).as("submitted")
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theVendorRemovesOnlyTheirOwnRoundsDocuments() {
        UUID requestId = inScreening("Dokument fjernes");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        VendorDocument added = answers.addDocument(invited.id(), "iso27001", upload("certificate.pdf", Files.pdf("ISO 27001")));
        UUID other = inScreening("En andens dokument");
        VendorInvitation othersInvitation = invitations.invite(other, invite(), EXPERT);

        assertThatThrownBy(() -> answers.removeDocument(othersInvitation.id(), added.attachmentId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(vendorRows("vendor_document", invited.id())).isEqualTo(1);

        answers.removeDocument(invited.id(), added.attachmentId());

        assertThat(answers.answers(invited.id())).isEmpty();
        assertThat(jdbc.sql("select removed_by from attachment where id = ?").param(added.attachmentId()).query(String.class).single())
                .isEqualTo("Leverandøren (Jane Doe)");
    }

    @Test
    void anExpiredRoundTakesNoAnswersOrFiles() {
        UUID requestId = inScreening("Udløbet runde");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        long attachments = rows("attachment", requestId);

        ClockUtil.setCurrentTime(Date.from(invited.expiresAt()));
        try {
            assertThatThrownBy(() -> answers.save(invited.id(), Map.of("iso27001", "YES"))).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> answers.addDocument(invited.id(), "iso27001", upload("certificate.pdf", Files.pdf("ISO 27001"))))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> answers.submit(invited.id())).isInstanceOf(ConflictException.class);
        } finally {
            ClockUtil.reset();
        }
        assertThat(vendorRows("vendor_answer", invited.id())).isZero();
        assertThat(rows("attachment", requestId)).isEqualTo(attachments);
        assertThat(state(invited.id())).isEqualTo("OPEN");
    }

    @Test
    void theRequestsHistoryTellsWhatTheVendorDid() {
        UUID requestId = inScreening("Historik om leverandøren");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        links.opened(invited.id());
        answers.save(invited.id(), Map.of("iso27001", "YES"));
        answers.submit(invited.id());
        invitations.revoke(requestId, invited.id(), Lifecycle.COORDINATOR);

        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        String page = coordinator.get("/anmodninger/" + requestId).body();

        assertThat(page).contains("Leverandøren inviteret til at svare på spørgsmål (runde 1) af Sara Sikkerhed",
                "Leverandøren (Jane Doe) åbnede spørgsmålene", "Leverandøren (Jane Doe) gemte svar",
                "Leverandøren (Jane Doe) sendte svarene (runde 1)", "Leverandørens link trukket tilbage af Karen Koordinator");
    }

    private static Upload upload(String name, byte[] content) {
        return new Upload(name, content.length, new ByteArrayResource(content));
    }
}
