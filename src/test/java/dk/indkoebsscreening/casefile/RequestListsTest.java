package dk.indkoebsscreening.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lists behind /anmodninger/alle and /opgaver as an attacker and a careless typist use them: another
 * requester's cases stay invisible whatever is searched, and odd parameters give a page, never a 500.
 */
class RequestListsTest extends ApiTestBase {

    @Test
    void aRequesterFindsOnlyOwnRequestsWhateverIsSearched() {
        String title = "Hemmelig anmodning " + System.nanoTime();
        JsonNode submitted = api.submit("bent", title);
        String reference = submitted.get("reference").asText();
        String link = "/anmodninger/" + submitted.get("id").asText();

        for (String query : List.of("", reference, title, "BookPlus", reference.toLowerCase())) {
            for (String status : List.of("", "RECEIVED")) {
                String path = "/anmodninger/alle?q=" + encode(query) + "&status=" + status;
                ApiClient.RawResponse anna = page("anna", path);
                assertThat(anna.status()).as(path).isEqualTo(200);
                // The search field repeats what was typed; the list must not have the request.
                assertThat(anna.body()).as(path).doesNotContain(link).doesNotContain("Bent Bertelsen");
            }
        }
        for (String user : List.of("koordinator", "sikkerhed", "bent")) {
            assertThat(page(user, "/anmodninger/alle?q=" + encode(reference)).body()).as(user).contains(link);
        }
    }

    @Test
    void wildcardsInASearchAreSearchedForLiterally() {
        // A word of its own, so that what other tests stored (the fuzz test stores titles with a literal % in them)
        // cannot match: read as wildcards, "…%…" and "…_…" would find it; read literally, nothing has them.
        String before = "vildkort" + letters(), after = letters();
        api.submit("anna", "Almindelig titel " + before + "x" + after);

        ApiClient.RawResponse found = page("koordinator", "/anmodninger/alle?q=" + encode(before + "x" + after));
        ApiClient.RawResponse anyCharacters = page("koordinator", "/anmodninger/alle?q=" + encode(before + "%" + after));
        ApiClient.RawResponse anyCharacter = page("koordinator", "/anmodninger/alle?q=" + encode(before + "_" + after));

        assertThat(found.body()).as("the word itself").contains(before + "x" + after);
        assertThat(anyCharacters.body()).contains("Ingen anmodninger fundet");
        assertThat(anyCharacter.body()).contains("Ingen anmodninger fundet");
    }

    private static String letters() {
        return new java.util.Random().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Test
    void oddParametersGiveAPageNotAnError() {
        for (String path : List.of("/anmodninger/alle?side=-5", "/anmodninger/alle?side=abc", "/anmodninger/alle?side=99999999999",
                "/anmodninger/alle?status=DROP%20TABLE&sort=x", "/anmodninger/alle?q=" + "x".repeat(2000), "/anmodninger?side=0",
                "/opgaver?type=BOGUS&omraade=BOGUS&side=abc", "/opgaver?q=%27%22%3C%3E&side=-1", "/opgaver?type=&omraade=&q=")) {
            ApiClient.RawResponse response = page("koordinator", path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("<script>").doesNotContain("Exception");
        }
    }

    @Test
    void theInboxIsForTheExpertGroupOnly() {
        ApiClient.RawResponse anna = page("anna", "/opgaver?q=IND");

        assertThat(anna.status()).isEqualTo(403);
        assertThat(anna.body()).doesNotContain("IND-");
    }

    private ApiClient.RawResponse page(String user, String path) {
        return api.raw(user, "GET", path, null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
