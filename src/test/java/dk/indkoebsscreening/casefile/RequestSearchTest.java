package dk.indkoebsscreening.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search over all requests: Danish words with æ, ø, å and their inflections, every criterion, who finds
 * what, and the CSV that Danish Excel opens, read back cell by cell.
 */
class RequestSearchTest extends ApiTestBase {

    /** The search and the CSV count whole days in the municipality's time zone, not the machine's. */
    @Autowired
    private DeadlineProperties deadline;

    private String marker;

    @BeforeEach
    void uniqueWords() {
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void danishWordsAndTheirInflectionsFindTheRequest() {
        String dental = submit("anna", "Tandplejens journalsystemer " + marker, "Åbo Dental ApS", "Tandplejen",
                "Børnetandplejen skal kunne føre journaler over børnenes besøg.");
        String booking = submit("bent", "Mødebooking " + marker, "Ærø Software", "Rådhuset", "Medarbejdere booker lokaler.");

        assertThat(found("q=journalsystem+" + marker)).as("stemmed: systemer → system").containsExactly(dental);
        assertThat(found("q=b%C3%B8rnenes+" + marker)).as("a word of the need, with ø").containsExactly(dental);
        assertThat(found("q=%C3%A6r%C3%B8+" + marker)).as("a vendor with æ and ø").containsExactly(booking);
        assertThat(found("q=dental+" + marker)).containsExactly(dental);
        assertThat(found("q=" + marker)).containsExactlyInAnyOrder(dental, booking);
        String reference = api.details("anna", dental).get("reference").asText();
        assertThat(found("q=" + reference)).as("the reference").containsExactly(dental);
        assertThat(found("q=%C3%A5bo+dent")).as("part of a word").contains(dental);
    }

    /** The first page is read before the count, which only a full first page needs: the totals must not tell. */
    @Test
    void theTotalIsRightOnEitherSideOfAFullFirstPage() {
        for (int i = 0; i < 3; i++) {
            submit("anna", "Sidetal " + i + " " + marker, "Ærø Software", "Rådhuset", "Tælles på første side.");
        }
        for (int size : List.of(2, 3, 4)) {
            JsonNode first = api.get(Lifecycle.COORDINATOR, "/api/requests/search?q=" + marker + "&size=" + size).body();
            assertThat(first.get("total").asLong()).as("size " + size).isEqualTo(3);
            assertThat(first.get("items")).as("size " + size).hasSize(Math.min(size, 3));
        }
        JsonNode second = api.get(Lifecycle.COORDINATOR, "/api/requests/search?q=" + marker + "&size=2&page=2").body();
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("items")).hasSize(1);
        assertThat(api.raw(Lifecycle.COORDINATOR, "GET", "/api/requests/search?q=" + marker + "&size=3&page=2", null, null).status())
                .as("no second page of three").isEqualTo(400);
        JsonNode none = api.get(Lifecycle.COORDINATOR, "/api/requests/search?q=" + marker + "intet").body();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("items")).isEmpty();
    }

    @Test
    void everyCriterionNarrowsTheResult() {
        String approved = lifecycle.runToApproval("anna", "Godkendt " + marker);
        String open = submit("bent", "Åben " + marker, "Eksempel A/S", "Kultur " + marker, "Et behov.");
        String today = LocalDate.now(deadline.zone()).toString();
        String tomorrow = LocalDate.now(deadline.zone()).plusDays(1).toString();

        assertThat(found("q=" + marker + "&status=APPROVED")).containsExactly(approved);
        assertThat(found("q=" + marker + "&department=kultur")).containsExactly(open);
        assertThat(found("q=" + marker + "&requester=bent")).containsExactly(open);
        assertThat(found("q=" + marker + "&area=SECURITY&verdict=APPROVED")).containsExactly(approved);
        assertThat(found("q=" + marker + "&verdict=REJECTED")).isEmpty();
        assertThat(found("q=" + marker + "&submittedFrom=" + today + "&submittedTo=" + today)).containsExactlyInAnyOrder(approved, open);
        assertThat(found("q=" + marker + "&submittedFrom=" + tomorrow)).isEmpty();
        assertThat(found("q=" + marker + "&decidedFrom=" + today)).containsExactly(approved);
        assertThat(found("q=" + marker + "&order=DECIDED")).first().isEqualTo(approved);
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/requests/search?status=NOPE").status()).isEqualTo(400);
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/requests/search?submittedFrom=1.12.2026").status()).isEqualTo(400);
    }

    @Test
    void aRequesterFindsOnlyTheirOwn() {
        String mine = submit("anna", "Annas " + marker, "Eksempel A/S", "Borgerservice", "Et behov.");
        String theirs = submit("bent", "Bents " + marker, "Eksempel A/S", "Borgerservice", "Et behov.");

        assertThat(found("anna", "q=" + marker)).containsExactly(mine);
        assertThat(found("anna", "q=" + marker + "&requester=bent")).isEmpty();
        assertThat(found("sikkerhed", "q=" + marker)).containsExactlyInAnyOrder(mine, theirs);
        String page = api.raw("anna", "GET", "/anmodninger/alle?q=" + marker + "&anmoder=bent", null, null).body();
        assertThat(page).doesNotContain("Bents " + marker);
        String csv = new String(api.download("anna", "/anmodninger/alle.csv?q=" + marker).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Annas " + marker).doesNotContain("Bents " + marker);
    }

    @Test
    void theCsvOpensInDanishExcelCellByCell() {
        String approved = lifecycle.runToApproval("anna", "=HYPERLINK(\"http://x\";\"klik\") " + marker);
        String reference = api.details("anna", approved).get("reference").asText();

        HttpResponse<byte[]> response = api.download(Lifecycle.COORDINATOR, "/anmodninger/alle.csv?q=" + marker);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").contains("UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        byte[] bytes = response.body();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("Reference", "Titel", "System", "Leverandør", "Afdeling", "Anmoder", "Status", "Sendt",
                "Frist", "Kontraktværdi (kr.)", "Afgørelse", "Afgjort", "Indstilling tilsidesat", "Vurdering: Sikkerhed og GDPR",
                "Vurdering: Brugerstyring", "Vurdering: Support", "Vurdering: Kontrakt", "Vurdering: Installation",
                "Vurdering: Implementering", "Personoplysninger", "Købet betales af", "Driften betales af",
                "Gevinst: Medarbejdertrivsel", "Gevinst: Effektivisering", "Gevinst: Kvalitet for borgerne",
                "Gevinst: Informationssikkerhed", "Gevinst: Skalerbarhed og overførbarhed");
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        String today = LocalDate.now(deadline.zone()).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        assertThat(row.get(0)).isEqualTo(reference);
        assertThat(row.get(1)).as("a formula is text").isEqualTo("'=HYPERLINK(\"http://x\";\"klik\") " + marker);
        assertThat(row.get(2)).isEqualTo("BookPlus Borger");
        assertThat(row.get(5)).as("the requester by name, not login").isEqualTo("Anna Andersen");
        assertThat(row.get(6)).isEqualTo("Godkendt");
        assertThat(row.get(7)).isEqualTo(today);
        assertThat(row.get(9)).as("85.000 + 4 × 60.000").isEqualTo("325000,00");
        assertThat(row.get(10)).isEqualTo("Godkendt");
        assertThat(row.get(11)).isEqualTo(today);
        assertThat(row.subList(12, 19)).as("not overridden, every area approved")
                .containsExactly("Nej", "Godkendt", "Godkendt", "Godkendt", "Godkendt", "Godkendt", "Godkendt");
        assertThat(row.get(19)).isEqualTo("CPR-numre");
        assertThat(row.subList(20, 27)).as("who pays and the benefits, not stated through the API").containsOnly("");

        JsonNode json = api.get(Lifecycle.COORDINATOR, "/api/requests/search?q=" + marker).body();
        assertThat(json.get("total").asLong()).isEqualTo(1);
        assertThat(json.get("items").get(0).get("contractValueDkk").decimalValue()).isEqualByComparingTo("325000");
        assertThat(json.get("items").get(0).get("personalDataCategories").toString()).isEqualTo("[\"CPR\"]");
    }

    @Test
    void theCsvSaysEachAreasVerdictAndWhetherTheCoordinatorOverrodeTheRecommendation() {
        String overridden = lifecycle.submitAndAccept("anna", "Tilsidesat " + marker);
        lifecycle.screen(overridden, Area.SECURITY, lifecycle.rejection(Area.SECURITY, List.of(), "Data lagres uden for EU."));
        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT, Area.INSTALLATION, Area.IMPLEMENTATION)) {
            lifecycle.screen(overridden, area, lifecycle.approval(area));
        }
        lifecycle.decide(overridden, "APPROVED", "Leverandøren flytter data til EU inden driftsstart.");
        String screening = lifecycle.submitAndAccept("bent", "Undervejs " + marker);
        lifecycle.screen(screening, Area.CONTRACT, lifecycle.approval(Area.CONTRACT));
        String narrowed = api.submit("anna", "Smalt omfang " + marker).get("id").asText();
        Map<String, Object> scope = new HashMap<>(Map.of("outcome", "ACCEPT", "areas", List.of("SECURITY", "CONTRACT"),
                "scopeReason", "Kun sikkerhed og kontrakt er nye."));
        api.completeOk(Lifecycle.COORDINATOR, api.awaitTask(Lifecycle.COORDINATOR, narrowed, "TRIAGE").get("id").asText(), scope);
        lifecycle.screen(narrowed, Area.CONTRACT, lifecycle.approval(Area.CONTRACT));

        List<List<String>> rows = csv("/anmodninger/alle.csv?q=" + marker + "&sort=frist");
        Map<String, List<String>> byTitle = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byTitle.put(row.get(1), row));

        String today = LocalDate.now(deadline.zone()).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        assertThat(byTitle.get("Tilsidesat " + marker).subList(10, 19)).containsExactly("Godkendt", today, "Ja", "Afvist", "Godkendt", "Godkendt", "Godkendt", "Godkendt", "Godkendt");
        assertThat(byTitle.get("Undervejs " + marker).get(5)).isEqualTo("Bent Bertelsen");
        assertThat(byTitle.get("Undervejs " + marker).subList(10, 19)).as("undecided, only the contract screened")
                .containsExactly("", "", "", "", "", "", "Godkendt", "", "");
        assertThat(byTitle.get("Smalt omfang " + marker).subList(13, 19)).as("left out by the scope, not merely unscreened")
                .containsExactly("", "Ikke relevant", "Ikke relevant", "Godkendt", "Ikke relevant", "Ikke relevant");
    }

    @Test
    void aMisspeltWordSuggestsTheSpellingOfTheRequestsAndTheSuggestionFindsIt() {
        String dental = submit("anna", "3D-tandskanning til klinikken " + marker, "Åbo Dental ApS", "Tandplejen", "Scanning af tænder.");

        assertThat(found("anna", "q=tandscanning")).as("the normal search finds nothing").isEmpty();
        String page = api.raw("anna", "GET", "/anmodninger/alle?q=tandscanning", null, null).body();
        assertThat(page).contains("Mente du").contains("3D-tandskanning");
        String link = page.replaceAll("(?s).*id=\"did-you-mean\".*?href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(link).isEqualTo("/anmodninger/alle?q=3D-tandskanning");
        assertThat(api.raw("anna", "GET", link, null, null).body()).contains("3D-tandskanning til klinikken " + marker);
        assertThat(found("anna", "q=3D-tandskanning")).contains(dental);
        assertThat(api.raw("anna", "GET", "/anmodninger/alle?q=3D-tandskanning+klinikken&status=REJECTED", null, null).body())
                .as("words spelt as a request spells them, found nothing only for the status").doesNotContain("Mente du");
        assertThat(api.raw("anna", "GET", "/anmodninger/alle?q=klinikkem&status=REJECTED", null, null).body())
                .as("a word spelt otherwise, with the same status").contains("status=REJECTED\">klinikken</a>?");

        // A coordinator reads every request: whether a word is spelt so is looked up among the municipality's words.
        assertThat(api.raw(Lifecycle.COORDINATOR, "GET", "/anmodninger/alle?q=3D-tandskanning+klinikken&status=REJECTED", null, null).body())
                .as("the coordinator: words spelt so").doesNotContain("Mente du");
        assertThat(api.raw(Lifecycle.COORDINATOR, "GET", "/anmodninger/alle?q=klinikkem&status=REJECTED", null, null).body())
                .as("the coordinator: a word spelt otherwise").contains("status=REJECTED\">klinikken</a>?");

        submit("anna", "Fotoplethysmografi i hjemmeplejen " + marker, "Eksempel A/S", "Hjemmeplejen", "Puls uden ledninger.");
        assertThat(wordOwners("fotoplethysmografi")).as("the submitted request's words, kept as its municipality's by the trigger")
                .containsExactly("nordby");
        assertThat(Tenancy.callAs("sydby", () -> jdbc.sql("select tenant_id from request_word where word = 'fotoplethysmografi'")
                .query(String.class).list())).as("another municipality's connection sees none of them").isEmpty();
        assertThat(api.raw(Lifecycle.COORDINATOR, "GET", "/anmodninger/alle?q=fotoplethysmografi&status=REJECTED", null, null).body())
                .as("a word of a request submitted since: spelt so").doesNotContain("Mente du");
        assertThat(api.raw(Lifecycle.COORDINATOR, "GET", "/anmodninger/alle?q=fotopletysmografi", null, null).body())
                .as("and suggested for its misspelling").contains("Mente du").contains("Fotoplethysmografi");
        assertThat(api.raw("anna", "GET", "/anmodninger/alle?q=fotopletysmografi", null, null).body()).contains("Fotoplethysmografi");
        String othersPage = api.raw("bent", "GET", "/anmodninger/alle?q=fotopletysmografi", null, null).body();
        assertThat(othersPage).as("no word of another's request").doesNotContain("Mente du").doesNotContain("Fotoplethysmografi");
        assertThat(api.raw("anna", "GET", "/anmodninger/alle?q=qqxxzz", null, null).body()).doesNotContain("Mente du");
    }

    /** A corrected title takes its old words with it: nothing is kept of a word no request spells any longer. */
    @Test
    void aWordLeavesWithTheLastRequestThatSpellsIt() {
        String id = submit("anna", "Journal for Hansine Kjærgaard " + marker, "Eksempel A/S", "Tandplejen", "Et navn i titlen.");
        assertThat(wordOwners("kjærgaard")).contains("nordby");
        Tenancy.runAcross(() -> jdbc.sql("update purchase_request set title = ? where id = ?::uuid")
                .params("Journal for en borger " + marker, id).update());
        assertThat(wordOwners("kjærgaard")).isEmpty();
        assertThat(wordOwners("borger")).contains("nordby");
        String page = api.raw(Lifecycle.COORDINATOR, "GET", "/anmodninger/alle?q=kj%C3%A6rgaard", null, null).body();
        assertThat(page).as("neither found nor suggested").contains("Ingen anmodninger fundet").doesNotContain("Kjærgaard");
    }

    private List<String> wordOwners(String word) {
        return Tenancy.callAcross(() -> jdbc.sql("select tenant_id from request_word where word = ?").param(word)
                .query(String.class).list());
    }

    private List<List<String>> csv(String path) {
        byte[] bytes = api.download(Lifecycle.COORDINATOR, path).body();
        return parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    private String submit(String requester, String title, String vendor, String department, String need) {
        Map<String, Object> form = ApiClient.validRequest(title);
        form.put("vendor", vendor);
        form.put("department", department);
        form.put("need", need);
        ApiClient.Response response = api.post(requester, "/api/requests", form);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    private List<String> found(String query) {
        return found(Lifecycle.COORDINATOR, query);
    }

    private List<String> found(String user, String query) {
        ApiClient.Response response = api.get(user, "/api/requests/search?size=100&" + query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** RFC 4180 with semicolons, as Excel reads it. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
