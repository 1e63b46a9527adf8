package dk.indkoebsscreening.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.system.RefusedFileException;
import dk.indkoebsscreening.testsupport.Files;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/** The per-request limit counts what is stored already, and what is refused is never written. */
class AttachmentLimitsTest {

    private final AttachmentRepository repository = mock(AttachmentRepository.class);
    private final AttachmentService service = new AttachmentService(repository, new DatabaseContentStore(repository), new FileTypes(),
            new AttachmentProperties(DataSize.ofKilobytes(10), DataSize.ofKilobytes(20), 3, 5), mock(OutboxWriter.class), Clock.systemUTC(),
            mock(CaseHistory.class));

    @Test
    void aFileThatWouldFillTheRequestPastItsLimitIsRefusedBeforeAnythingIsWritten() {
        UUID request = UUID.randomUUID();
        when(repository.stockOf(request)).thenReturn(new AttachmentRepository.Stock(1, 15L * 1024, 1));
        byte[] sixKilobytes = new byte[6 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, sixKilobytes, 0, 9);
        Upload upload = new Upload("tilbud.pdf", sixKilobytes.length, new MockMultipartFile("file", sixKilobytes));

        assertThatThrownBy(() -> service.add(request, "IND-2026-0001", AttachmentStep.SUBMISSION, null, "anna",
                new CheckedUpload(upload, FileTypes.PDF)))
                .isInstanceOfSatisfying(RefusedFileException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
                    assertThat(refused.messageKey()).isEqualTo("attachment.requestFull");
                    assertThat(refused.arguments()).containsExactly(0L);
                });
        verify(repository, never()).insertChunk(any(), any(Integer.class), any());
        verify(repository, never()).insert(any(), any());
    }

    @Test
    void aRequestHoldsAtMostItsNumberOfFilesAndRemovedOnesCountTowardsTheTotalEverAdded() {
        UUID full = UUID.randomUUID();
        UUID churned = UUID.randomUUID();
        when(repository.stockOf(full)).thenReturn(new AttachmentRepository.Stock(3, 3, 3));
        when(repository.stockOf(churned)).thenReturn(new AttachmentRepository.Stock(1, 1, 5));
        Upload tiny = new Upload("notat.txt", 5, new MockMultipartFile("file", "Notat".getBytes()));

        assertThatThrownBy(() -> service.add(full, "IND-2026-0001", AttachmentStep.SUBMISSION, null, "anna",
                new CheckedUpload(tiny, FileTypes.TEXT)))
                .isInstanceOfSatisfying(RefusedFileException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(refused.messageKey()).isEqualTo("attachment.tooMany");
                    assertThat(refused.arguments()).containsExactly(3);
                });
        assertThatThrownBy(() -> service.add(churned, "IND-2026-0002", AttachmentStep.SUBMISSION, null, "anna",
                new CheckedUpload(tiny, FileTypes.TEXT)))
                .isInstanceOfSatisfying(RefusedFileException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("attachment.tooManyEver"));
        assertThatThrownBy(() -> service.check(java.util.Collections.nCopies(4, tiny)))
                .isInstanceOfSatisfying(RefusedFileException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("attachment.tooMany"));
        verify(repository, never()).insert(any(), any());
    }

    @Test
    void aFileLargerThanItSaidIsStoppedWhileItStreams() {
        UUID request = UUID.randomUUID();
        when(repository.stockOf(request)).thenReturn(new AttachmentRepository.Stock(0, 0, 0));
        byte[] twelveKilobytes = Files.pdf("tilbud", new byte[12 * 1024]);
        Upload understated = new Upload("tilbud.pdf", 1024, new MockMultipartFile("file", twelveKilobytes));

        assertThatThrownBy(() -> service.add(request, "IND-2026-0001", AttachmentStep.SUBMISSION, null, "anna",
                new CheckedUpload(understated, FileTypes.PDF)))
                .isInstanceOfSatisfying(RefusedFileException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("attachment.tooLarge"));
        verify(repository, never()).insert(any(), any());
    }
}
