package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.attachment.AttachmentStep;
import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.RefusedFileException;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;

/**
 * The vendor's files are held for their round: nobody but the vendor sees them before the round is submitted, then they are
 * the request's screening files, announced; a round that ends unsubmitted takes them with it.
 */
class VendorHeldFilesTest extends VendorTestBase {

    @Autowired
    AttachmentService attachmentService;

    @Test
    void aHeldFileIsInNoListApiEventOrHistoryBeforeSubmissionAndIsTheRequestsAfter() {
        UUID requestId = inScreening("Holdte filer");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        List<String> eventsBefore = outbox.typesOf(requestId.toString());

        VendorDocument held = answers.addDocument(invited.id(), "iso27001", upload("ISO 27001 certificate.pdf", Files.pdf("ISO 27001")));

        assertThat(answers.answers(invited.id()).get("iso27001").documents()).as("the vendor sees it").containsExactly(held);
        assertThat(attachmentService.ofRequest(requestId)).extracting(Attachment::id).doesNotContain(held.attachmentId());
        assertThat(api.details(Lifecycle.COORDINATOR, requestId.toString()).toString()).doesNotContain(held.attachmentId().toString());
        assertThat(api.get(EXPERT, "/api/requests/" + requestId + "/attachments/" + held.attachmentId()).status()).isEqualTo(404);
        assertThat(outbox.typesOf(requestId.toString())).isEqualTo(eventsBefore);
        assertThat(history(requestId, HistoryKind.ATTACHMENT_ADDED)).isEmpty();
        assertThat(history(requestId, HistoryKind.VENDOR_DOCUMENT_ADDED)).containsExactly("Leverandøren (Jane Doe)");
        assertThat(jdbc.sql("select count(*) from case_history where request_id = ? and text like '%certificate%'").param(requestId)
                .query(Long.class).single()).as("the held file's name is in no history").isZero();
        assertThat(answers.forRequest(requestId)).isEmpty();

        answers.submit(invited.id());

        Attachment released = attachmentService.find(requestId, held.attachmentId());
        assertThat(released.step()).isEqualTo(AttachmentStep.SCREENING);
        assertThat(released.area()).isEqualTo(Area.SECURITY);
        assertThat(released.addedBy()).isEqualTo("Leverandøren (Eksempel Software A/S)");
        assertThat(api.details(Lifecycle.COORDINATOR, requestId.toString()).toString()).contains(held.attachmentId().toString());
        assertThat(outbox.payloadsOf(requestId.toString(), "attachment.added")).singleElement().satisfies(payload -> assertThat(payload)
                .contains(held.attachmentId().toString(), "\"SCREENING\"", "\"SECURITY\"", "Leverandøren (Eksempel Software A/S)")
                .doesNotContain("Jane Doe"));
        assertThat(history(requestId, HistoryKind.ATTACHMENT_ADDED)).containsExactly("Leverandøren (Eksempel Software A/S)");
        assertThat(answers.forRequest(requestId).get(0).answer("iso27001").orElseThrow().documents()).containsExactly(held);
    }

    @Test
    void aFileRemovedWhileTheRoundIsOpenIsNeverAnnouncedAndStillCountsAmongTheFilesEverAdded() {
        UUID requestId = inScreening("Fjernet før indsendelse");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        VendorDocument held = answers.addDocument(invited.id(), "iso27001", upload("draft.pdf", Files.pdf("Draft")));

        answers.removeDocument(invited.id(), held.attachmentId());
        answers.save(invited.id(), Map.of("iso27001", "YES"));
        answers.submit(invited.id());

        assertThat(history(requestId, HistoryKind.VENDOR_DOCUMENT_REMOVED)).containsExactly("Leverandøren (Jane Doe)");
        assertThat(outbox.typesOf(requestId.toString())).doesNotContain("attachment.added", "attachment.removed");
        assertThat(attachmentService.ofRequest(requestId)).extracting(Attachment::id).doesNotContain(held.attachmentId());
        assertThat(chunks(held.attachmentId())).isZero();
        assertThat(jdbc.sql("select count(*) from attachment where id = ?").param(held.attachmentId()).query(Long.class).single()).isOne();
    }

    @Test
    void aRoundRevokedOrExpiredUnsubmittedDeletesItsHeldFilesAndTheirContent() {
        UUID revokedRequest = inScreening("Tilbagekaldt med filer");
        VendorInvitation revoked = invitations.invite(revokedRequest, invite(), EXPERT);
        VendorDocument revokedFile = answers.addDocument(revoked.id(), "iso27001", upload("certificate.pdf", Files.pdf("ISO 27001")));
        UUID expiredRequest = inScreening("Udløbet med filer");
        VendorInvitation expired = invitations.invite(expiredRequest, invite(), EXPERT);
        VendorDocument expiredFile = answers.addDocument(expired.id(), "iso27001", upload("certificate.pdf", Files.pdf("ISO 27001")));
        assertThat(chunks(revokedFile.attachmentId())).isPositive();

        invitations.revoke(revokedRequest, revoked.id(), Lifecycle.COORDINATOR);
        ClockUtil.setCurrentTime(Date.from(expired.expiresAt()));
        try {
            invitations.expire(expired.id());
        } finally {
            ClockUtil.reset();
        }

        for (VendorDocument gone : List.of(revokedFile, expiredFile)) {
            assertThat(jdbc.sql("select count(*) from attachment where id = ?").param(gone.attachmentId()).query(Long.class).single()).isZero();
            assertThat(chunks(gone.attachmentId())).isZero();
        }
        assertThat(vendorRows("vendor_document", revoked.id())).isZero();
        assertThat(vendorRows("vendor_document", expired.id())).isZero();
        assertThat(outbox.typesOf(revokedRequest.toString())).doesNotContain("attachment.added", "attachment.removed");
    }

    @Test
    void heldFilesCountInTheRequestsLimits() {
        UUID requestId = inScreening("Fuld af leverandørens filer");
        VendorInvitation invited = invitations.invite(requestId, invite(), EXPERT);
        int room = attachmentService.maxFilesPerRequest() - attachmentService.ofRequest(requestId).size();
        for (int i = 0; i < room; i++) {
            answers.addDocument(invited.id(), "iso27001", upload("certificate " + i + ".pdf", Files.pdf("ISO 27001")));
        }

        assertThatThrownBy(() -> answers.addDocument(invited.id(), "iso27001", upload("one too many.pdf", Files.pdf("ISO 27001"))))
                .isInstanceOfSatisfying(RefusedFileException.class, refused -> assertThat(refused.messageKey()).isEqualTo("attachment.tooMany"));
        assertThatThrownBy(() -> attachmentService.add(requestId, "IND", AttachmentStep.SCREENING, Area.SECURITY, EXPERT,
                attachmentService.check(upload("notat.pdf", Files.pdf("Notat")))))
                .as("the experts' own file too").isInstanceOf(RefusedFileException.class);
        assertThat(rows("attachment", requestId)).isEqualTo(attachmentService.maxFilesPerRequest());
    }

    private long chunks(UUID attachmentId) {
        return jdbc.sql("select count(*) from attachment_chunk where attachment_id = ?").param(attachmentId).query(Long.class).single();
    }

    private static Upload upload(String name, byte[] content) {
        return new Upload(name, content.length, new ByteArrayResource(content));
    }
}
