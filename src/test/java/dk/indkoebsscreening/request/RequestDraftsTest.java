package dk.indkoebsscreening.request;

import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Gem som kladde": a draft is saved without the form's required answers and without a deadline, status, event, mail
 * or process; listed under "Mine anmodninger"; continued in the form; sent through the normal submission, which deletes
 * it; deleted after a confirmation. Only its author sees or changes it; sizes are bounded as on submission, and the
 * number of drafts too.
 */
class RequestDraftsTest extends ApiTestBase {

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long count(String sql, String user) {
        return jdbc.sql(sql).param(user).query(Long.class).single();
    }

    /** What a draft of the user's must not make: no request, event, mail, history, process or task of theirs. */
    private Map<String, Long> nothingElse(String user) {
        String theirs = "(select id from purchase_request where requester = ?)";
        return Map.of("purchase_request", count("select count(*) from purchase_request where requester = ?", user),
                "outbox_event", count("select count(*) from outbox_event where request_id in " + theirs, user),
                "mail_outbox", count("select count(*) from mail_outbox where recipient_user = ?", user),
                "case_history", count("select count(*) from case_history where actor = ?", user),
                "act_ru_execution", count("select count(*) from act_ru_execution where business_key_ in "
                        + "(select id::text from purchase_request where requester = ?)", user));
    }

    private long drafts(String author) {
        return Tenancy.callAcross(() -> jdbc.sql("select count(*) from request_draft where author = ?").param(author).query(Long.class).single());
    }

    private String content(UUID id) {
        return jdbc.sql("select content::text from request_draft where id = ?").param(id).query(String.class).single();
    }

    private static UUID draftIdOf(HttpResponse<String> saved) {
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/anmodninger#kladde-");
        return UUID.fromString(location.substring(location.indexOf("#kladde-") + "#kladde-".length()));
    }

    private static WebSession as(String user, int port) {
        WebSession session = new WebSession(port);
        session.login(user);
        return session;
    }

    @Test
    void aDraftIsSavedHalfDoneListedContinuedAndSentWithNothingHappeningBefore() {
        WebSession anna = as("anna", port);
        String title = "Kladde til hjemmeplejen " + System.nanoTime();
        Map<String, Long> before = nothingElse("anna");

        HttpResponse<String> saved = anna.postForm("/anmodninger/ny", "/anmodninger/kladde",
                "title=" + WebSession.encode(title) + "&oneOffCostDkk=" + WebSession.encode("cirka 48.500") + "&need=" + WebSession.encode("Halvt skrevet\nbehov"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        UUID draft = draftIdOf(saved);
        assertThat(nothingElse("anna")).as("no request, deadline, status, event, mail, history or process").isEqualTo(before);

        String mine = anna.get("/anmodninger").body();
        assertThat(mine).contains("Kladden »" + title + "« er gemt", "Kladder", title, "href=\"/anmodninger/kladder/" + draft + "\"",
                "href=\"/anmodninger/kladder/" + draft + "/slet\"", "Fortsæt", "Slet kladde");

        String form = anna.get("/anmodninger/kladder/" + draft).body();
        assertThat(form).as("the answers as typed, the unreadable number too").contains("value=\"" + title + "\"",
                "value=\"cirka 48.500\"", "Halvt skrevet\nbehov", "name=\"draftId\" value=\"" + draft + "\"", "Gem som kladde",
                "Filer gemmes ikke i en kladde");

        HttpResponse<String> again = anna.postForm("/anmodninger/kladder/" + draft, "/anmodninger/kladde",
                "draftId=" + draft + "&title=" + WebSession.encode(title) + "&systemName=PlejeNet");
        assertThat(draftIdOf(again)).as("the same draft saved again").isEqualTo(draft);
        assertThat(content(draft)).contains("PlejeNet").doesNotContain("cirka 48.500");
        assertThat(nothingElse("anna")).isEqualTo(before);

        long draftsBefore = drafts("anna");
        HttpResponse<String> sent = anna.postForm("/anmodninger/kladder/" + draft, "/anmodninger/ny", "draftId=" + draft
                + "&submissionToken=" + UUID.randomUUID() + "&title=" + WebSession.encode(title)
                + "&systemName=PlejeNet&vendor=Y&need=Z&department=D&oneOffCostDkk=48.500&annualCostDkk=0&contractYears=1"
                + "&expectedUsers=1&personalDataCategories=NONE&hosting=ON_PREMISES&hasIntegrations=false&desiredStartDate="
                + LocalDate.now().plusMonths(1) + RequestFormFacts.FUNDING_AND_BENEFITS);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/kvittering");
        assertThat(drafts("anna")).as("the draft is gone with its submission").isEqualTo(draftsBefore - 1);
        assertThat(nothingElse("anna").get("purchase_request")).isEqualTo(before.get("purchase_request") + 1);
        assertThat(anna.get("/anmodninger/kladder/" + draft).statusCode()).isEqualTo(404);
    }

    @Test
    void aDraftIsDeletedAfterAConfirmation() {
        WebSession anna = as("anna", port);
        UUID draft = draftIdOf(anna.postForm("/anmodninger/ny", "/anmodninger/kladde", "title=Slettes+snart"));
        assertThat(anna.get("/anmodninger").body()).contains("Kladden »Slettes snart« er gemt.");
        HttpResponse<String> confirmation = anna.get("/anmodninger/kladder/" + draft + "/slet");
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("Vil du slette kladden?", "Slettes snart", "class=\"button button-danger\"",
                "Nej, behold kladden", "method=\"post\"");
        assertThat(drafts("anna")).as("asking deleted nothing").isPositive();
        assertThat(content(draft)).contains("Slettes snart");

        HttpResponse<String> deleted = anna.postForm("/anmodninger/kladder/" + draft + "/slet", "/anmodninger/kladder/" + draft + "/slet", "");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from request_draft where id = ?").param(draft).query(Long.class).single()).isZero();
        assertThat(anna.get("/anmodninger").body()).contains("Kladden »Slettes snart« er slettet.");
    }

    @Test
    void onlyItsAuthorSeesOrChangesADraft() {
        WebSession anna = as("anna", port);
        String title = "Annas hemmelige kladde " + System.nanoTime();
        UUID draft = draftIdOf(anna.postForm("/anmodninger/ny", "/anmodninger/kladde", "title=" + WebSession.encode(title)));
        String stored = content(draft);

        for (String other : List.of("bent", Lifecycle.COORDINATOR, "sikkerhed")) {
            WebSession session = as(other, port);
            assertThat(session.get("/anmodninger/kladder/" + draft).statusCode()).as(other).isEqualTo(404);
            assertThat(session.get("/anmodninger/kladder/" + draft + "/slet").statusCode()).as(other).isEqualTo(404);
            assertThat(session.postForm("/anmodninger/ny", "/anmodninger/kladder/" + draft + "/slet", "").statusCode()).as(other)
                    .isEqualTo(404);
            assertThat(session.postForm("/anmodninger/ny", "/anmodninger/kladde", "draftId=" + draft + "&title=Overtaget")
                    .statusCode()).as(other + " saving over it").isEqualTo(404);
            assertThat(session.get("/anmodninger").body()).as(other).doesNotContain(title, draft.toString());
            assertThat(session.get("/anmodninger/alle?q=" + WebSession.encode(title)).body()).as(other + ", searching for it")
                    .doesNotContain(">" + title + "<", draft.toString());
            // A submission naming another's draft deletes nothing.
            HttpResponse<String> sent = session.postForm("/anmodninger/ny", "/anmodninger/ny", "draftId=" + draft
                    + "&submissionToken=" + UUID.randomUUID() + "&title=Egen&systemName=X&vendor=Y&need=Z&department=D"
                    + "&oneOffCostDkk=0&annualCostDkk=0&contractYears=1&expectedUsers=1&personalDataCategories=NONE"
                    + "&hosting=ON_PREMISES&hasIntegrations=false&desiredStartDate=" + LocalDate.now().plusMonths(1)
                    + RequestFormFacts.FUNDING_AND_BENEFITS);
            assertThat(sent.statusCode()).as(other).isEqualTo(302);
        }
        assertThat(content(draft)).as("nobody else changed it").isEqualTo(stored);
        for (String user : List.of("anna", "bent")) {
            assertThat(api.raw(user, "GET", "/api/requests/" + draft, null, null).status()).as("no API knows a draft").isEqualTo(404);
            assertThat(api.raw(user, "GET", "/api/requests", null, null).body()).doesNotContain(title);
        }
        assertThat(anna.get("/anmodninger/kladder/" + UUID.randomUUID()).statusCode()).as("a guessed id").isEqualTo(404);
        assertThat(anna.get("/anmodninger/kladder/ikke-et-id").statusCode()).isIn(400, 404);
    }

    @Test
    void aDraftIsBoundedAsTheFormIsAndSoIsTheirNumber() {
        WebSession anna = as("anna", port);
        long before = count("request_draft");
        HttpResponse<String> tooLong = anna.postForm("/anmodninger/ny", "/anmodninger/kladde", "title=" + "x".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("error-summary", "højst");
        HttpResponse<String> hidden = anna.postForm("/anmodninger/ny", "/anmodninger/kladde", "title=" + WebSession.encode("skjult\u202Etekst"));
        assertThat(hidden.statusCode()).isEqualTo(400);
        assertThat(anna.postForm("/anmodninger/ny", "/anmodninger/kladde", "oneOffCostDkk=" + "1".repeat(51)).statusCode()).isEqualTo(400);
        assertThat(count("request_draft")).as("nothing saved").isEqualTo(before);

        // "sydby-implementering" has no drafts in any other test: fill up to the limit, then one more is refused with the reason.
        for (int i = 0; i < RequestDrafts.MAX_PER_AUTHOR; i++) {
            Tenancy.runAs("sydby", () -> jdbc.sql(
                            "insert into request_draft (id, author, content, created_at, updated_at) values (?, 'sydby-implementering', '{}'::jsonb, ?, ?)")
                    .params(UUID.randomUUID(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update());
        }
        WebSession full = as("sydby-implementering", port);
        HttpResponse<String> refused = full.postForm("/anmodninger/ny", "/anmodninger/kladde", "title=Den+21.");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Du har allerede 20 kladder", "value=\"Den 21.\"");
        assertThat(drafts("sydby-implementering")).isEqualTo(RequestDrafts.MAX_PER_AUTHOR);
        assertThat(full.get("/anmodninger").body()).as("drafts from before the form had a title").contains("Kladde uden titel");
    }
}
