package dk.indkoebsscreening.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Files.Multipart;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The screening report, parsed back: what a journal system files and a person reads, tagged and in Danish. */
class ScreeningReportTest extends ApiTestBase {

    @Test
    void theReportHoldsTheRequestTheSixVerdictsTheDecisionTheFilesAndTheHistory() throws Exception {
        String requestId = api.submit("anna", "Rapport over ESDH-tilkøb").get("id").asText();
        String reference = api.details("anna", requestId).get("reference").asText();
        Multipart offer = Files.file("tilbud.pdf", "application/pdf", Files.pdf("tilbud"));
        JsonNode file = new ObjectMapper().readTree(api.upload("anna", "/api/requests/" + requestId + "/attachments",
                offer.contentType(), offer.body()).body());
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT"));
        lifecycle.screen(requestId, Area.SECURITY, ApiClient.screening("APPROVED_WITH_CONDITIONS",
                List.of("Databehandleraftalen underskrives før brug"), lifecycle.validChecklist(Area.SECURITY)));
        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT, Area.INSTALLATION, Area.IMPLEMENTATION)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        lifecycle.decide(requestId, "APPROVED_WITH_CONDITIONS", "Behovet er dokumenteret.");

        HttpResponse<byte[]> response = api.download(Lifecycle.COORDINATOR, "/api/requests/" + requestId + "/report.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("Screeningsrapport");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Screeningsrapport " + reference, "Rapport over ESDH-tilkøb", "Demo Kommune",
                    "Sikkerhed og GDPR", "Brugerstyring", "Support", "Kontrakt", "Installation", "Implementering",
                    "Godkendt med betingelser", "Databehandleraftalen underskrives før brug", "Behovet er dokumenteret.",
                    "Karen Koordinator (koordinator)", "tilbud.pdf", "Historik", "Sendt af Anna Andersen");
            assertThat(text.replace(" ", "")).as("the file's SHA-256, wrapped over lines").contains(file.get("sha256").asText());
            assertThat(text.split("Godkendt", -1).length - 1).as("six verdicts and the decision").isGreaterThanOrEqualTo(7);
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged (PDF/UA)").isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("da");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Screeningsrapport " + reference);
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
            Path pictures = java.nio.file.Files.createDirectories(Path.of("target", "report"));
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 80);
                ImageIO.write(image, "png", pictures.resolve("page-" + (page + 1) + ".png").toFile());
            }
        }
        assertThat(api.download("bent", "/api/requests/" + requestId + "/report.pdf").statusCode()).isEqualTo(404);
        assertThat(api.download("anna", "/anmodninger/" + requestId + "/rapport.pdf").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select payload::text from outbox_event where request_id = ?::uuid and type = 'dk.indkoebsscreening.decision.made.v1'")
                .param(requestId).query(String.class).single()).contains("/api/requests/" + requestId + "/report.pdf");
    }
}
