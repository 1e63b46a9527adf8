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
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.Revisions;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.INSTALLATION, Area.IMPLEMENTATION)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        lifecycle.screen(requestId, Area.CONTRACT, lifecycle.rejection(Area.CONTRACT, List.of("Exit-plan i kontrakten"),
                "Kontrakten mangler exit-vilkår."));
        lifecycle.decideWith(requestId, Map.of("outcome", "APPROVED_WITH_CONDITIONS", "reason", "Behovet er dokumenteret.",
                "areaConditions", List.of(
                        Map.of("ref", "SECURITY-1", "handling", "KEEP", "text", "Databehandleraftalen er underskrevet af begge parter",
                                "note", "Tydeligere for ansøgeren"),
                        Map.of("ref", "CONTRACT-1", "handling", "DROP", "note", "SKI 02.19 har exit-vilkår")),
                "ownConditions", List.of(Map.of("text", "Indhent tilbud via SKI 02.19"))));
        String security = api.details("anna", requestId).get("conditions").get(0).get("id").asText();
        String conditionPath = "/api/requests/" + requestId + "/conditions/" + security;
        assertThat(api.post("anna", conditionPath + "/report", Map.of("text", "Underskrevet 3. marts.",
                "files", List.of(file.get("id").asText()))).status()).isEqualTo(204);
        assertThat(api.post("sikkerhed", conditionPath + "/verify", null).status()).isEqualTo(204);

        HttpResponse<byte[]> response = api.download(Lifecycle.COORDINATOR, "/api/requests/" + requestId + "/report.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("Screeningsrapport");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Screeningsrapport " + reference, "Rapport over ESDH-tilkøb", "Nordby Kommune",
                    "Sikkerhed og GDPR", "Brugerstyring", "Support", "Kontrakt", "Installation", "Implementering",
                    "Godkendt med betingelser", "Databehandleraftalen underskrives før brug", "Behovet er dokumenteret.",
                    "Karen Koordinator (koordinator)", "tilbud.pdf", "Historik", "Sendt af Anna Andersen",
                    "Kontrakt vurderede Afvist, men koordinatoren besluttede Godkendt med betingelser.",
                    "Betingelser og opfølgning", "Betingelse 1: Databehandleraftalen er underskrevet af begge parter",
                    "Omformuleret af koordinatoren fra »Databehandleraftalen underskrives før brug« (Sikkerhed og GDPR). "
                            + "Begrundelse: Tydeligere for ansøgeren",
                    "Ansvarlig: Anna Andersen (anna). Frist: Før idriftsættelse (", "Sat af: Sikkerhed og GDPR.",
                    "Betingelse 2: Indhent tilbud via SKI 02.19", "Sat af: Koordinatoren, ved afgørelsen.", "Åben",
                    "Verificeret ·", "Meldt opfyldt af Anna Andersen", "Underskrevet 3. marts.", "Sat ved afgørelsen af Karen Koordinator",
                    "Verificeret af Sara Sikkerhed",
                    "»Exit-plan i kontrakten« (Kontrakt) gælder ikke. Begrundelse: SKI 02.19 har exit-vilkår");
            String firstPage = pageText(pdf, 1);
            assertThat(firstPage).as("the summary and the request's facts on the first page").contains("Sammenfatning",
                    "Afgørelse Godkendt med betingelser af Karen Koordinator (koordinator)",
                    "Betingelser Databehandleraftalen er underskrevet af begge parter Indhent tilbud via SKI 02.19",
                    "Særlige forhold", "Konsekvensanalyse (DPIA) sandsynlig", "Forventet antal brugere 25", "Integrationer MitID",
                    "Ønsket startdato " + LocalDate.now().plusMonths(2).format(DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"))));
            int pages = pdf.getNumberOfPages();
            assertThat(pageText(pdf, pages).split("kl\\. ").length - 1).as("the last page is no stub of a line or two: the footer and at least"
                    + " five entries of the history").isGreaterThanOrEqualTo(6);
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
            pdf.save(pictures.resolve("screening-report.pdf").toFile());
            assertThat(headerCells(pdf)).as("every header cell says whether it heads a row or a column")
                    .isNotEmpty().allSatisfy(header -> assertThat(header.scope()).as(header.text()).isIn("Row", "Column"))
                    .noneMatch(header -> header.text().matches("(.+)\\1"))
                    .contains(new HeaderCell("Status", "Row"), new HeaderCell("Leverandør", "Row"),
                            new HeaderCell("Samlet kontraktværdi", "Row"),
                            new HeaderCell("Spørgsmål", "Column"), new HeaderCell("Svar", "Column"),
                            new HeaderCell("Foreligger der en databehandleraftale, der opfylder GDPR art. 28, stk. 3?", "Row"),
                            new HeaderCell("Fil", "Column"), new HeaderCell("SHA-256", "Column"),
                            new HeaderCell("Tidspunkt", "Column"), new HeaderCell("Hændelse", "Column"),
                            new HeaderCell("Ændring", "Column"));
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

    /**
     * However long the history, the report ends on a page with at least five of its entries: the history's last lines
     * stay together instead of falling one or two onto a page of their own.
     */
    @Test
    void theReportNeverEndsOnAStubWhateverTheHistorysLength() throws Exception {
        String requestId = api.submit("anna", "Rapport med lang historik").get("id").asText();
        for (int entry = 0; entry < 45; entry++) {
            jdbc.sql("insert into case_history (request_id, at, kind, actor) values (?::uuid, now() + make_interval(secs => ?), 'SUBMITTED', 'anna')")
                    .params(requestId, entry + 1).update();
            if (entry < 5) {
                continue;
            }
            try (PDDocument pdf = Loader.loadPDF(api.download(Lifecycle.COORDINATOR, "/api/requests/" + requestId + "/report.pdf").body())) {
                pdf.save(java.nio.file.Files.createDirectories(Path.of("target", "report")).resolve("long-history.pdf").toFile());
                int pages = pdf.getNumberOfPages();
                assertThat(pageText(pdf, pages).split("kl\\. ").length - 1).as("the last of %d pages with %d added entries: the footer"
                        + " and at least five entries", pages, entry + 1).isGreaterThanOrEqualTo(6);
            }
        }
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    /** A TH of the tagged structure: its text as a screen reader gets it, and its Table attribute's Scope. */
    record HeaderCell(String text, String scope) {
    }

    private static List<HeaderCell> headerCells(PDDocument pdf) throws IOException {
        Map<PDPage, Map<Integer, String>> textByMarkedContent = new HashMap<>();
        for (PDPage page : pdf.getPages()) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> texts = new HashMap<>();
            extractor.getMarkedContents().forEach(content -> collect(content, page.getResources(), texts));
            textByMarkedContent.put(page, texts);
        }
        List<HeaderCell> headers = new ArrayList<>();
        for (Object kid : pdf.getDocumentCatalog().getStructureTreeRoot().getKids()) {
            if (kid instanceof PDStructureElement element) {
                findHeaders(element, null, textByMarkedContent, headers);
            }
        }
        return headers;
    }

    private static void collect(PDMarkedContent content, PDResources resources, Map<Integer, String> texts) {
        StringBuilder text = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition position) {
                text.append(position.getUnicode());
            } else if (item instanceof PDMarkedContent nested) {
                collect(nested, resources, texts);
            }
        }
        int mcid = content.getMCID();
        // openhtmltopdf writes "/P /Prop5 BDC", the MCID in the page's named properties; PDFBox 3.0.3 takes the
        // second name for the tag and leaves the MCID unread
        PDPropertyList named = mcid < 0 && content.getTag() != null ? resources.getProperties(COSName.getPDFName(content.getTag())) : null;
        if (named != null) {
            mcid = named.getCOSObject().getInt(COSName.MCID);
        }
        if (mcid >= 0) {
            texts.merge(mcid, text.toString(), String::concat);
        }
    }

    private static void findHeaders(PDStructureElement element, PDPage inherited, Map<PDPage, Map<Integer, String>> texts,
                                    List<HeaderCell> headers) {
        PDPage page = element.getPage() != null ? element.getPage() : inherited;
        if ("TH".equals(element.getStructureType())) {
            Revisions<PDAttributeObject> attributes = element.getAttributes();
            String scope = null;
            for (int i = 0; i < attributes.size(); i++) {
                if (attributes.getObject(i) instanceof PDTableAttributeObject table && table.getScope() != null) {
                    scope = table.getScope();
                }
            }
            headers.add(new HeaderCell(textOf(element, page, texts).replaceAll("\\s+", " ").strip(), scope));
            return;
        }
        for (Object kid : element.getKids()) {
            if (kid instanceof PDStructureElement child) {
                findHeaders(child, page, texts, headers);
            }
        }
    }

    private static String textOf(PDStructureElement element, PDPage inherited, Map<PDPage, Map<Integer, String>> texts) {
        PDPage page = element.getPage() != null ? element.getPage() : inherited;
        StringBuilder text = new StringBuilder();
        for (Object kid : element.getKids()) {
            if (kid instanceof Integer mcid) {
                text.append(texts.getOrDefault(page, Map.of()).getOrDefault(mcid, ""));
            } else if (kid instanceof PDMarkedContentReference reference) {
                PDPage referenced = reference.getPage() != null ? reference.getPage() : page;
                text.append(texts.getOrDefault(referenced, Map.of()).getOrDefault(reference.getMCID(), ""));
            } else if (kid instanceof PDStructureElement child) {
                text.append(textOf(child, page, texts));
            }
        }
        return text.toString();
    }
}
