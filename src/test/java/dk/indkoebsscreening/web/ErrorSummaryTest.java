package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistQuestion;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each form's error summary, as the page shows it: every line says which question it is about on its own, and no line
 * comes twice. The request form, a screening, the triage and the decision, all through the shared boundary.
 */
class ErrorSummaryTest extends ApiTestBase {

    private static final Pattern SUMMARY = Pattern.compile("<div class=\"error-summary\".*?</ul>", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("<li><a href=\"#[^\"]*\">([^<]*)</a></li>");

    /** The summary's lines, unescaped enough for the Danish letters and quotes the messages use. */
    private static List<String> summary(HttpResponse<String> page) {
        Matcher box = SUMMARY.matcher(page.body());
        assertThat(box.find()).as("an error summary on the page").isTrue();
        List<String> lines = new ArrayList<>();
        Matcher line = LINE.matcher(box.group());
        while (line.find()) {
            lines.add(line.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"));
        }
        return lines;
    }

    private long requestCount() {
        return jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
    }

    @Test
    void theRequestFormNamesEachQuestionOnceIncludingThePersonalDataOne() {
        WebSession session = new WebSession(port);
        session.login("anna");
        long before = requestCount();

        List<String> empty = summary(session.postForm("/anmodninger/ny", "/anmodninger/ny",
                "_personalDataCategories=on&submissionToken=" + UUID.randomUUID()));

        assertThat(empty).doesNotHaveDuplicates().contains("Skriv en titel.", "Vælg hvilke personoplysninger systemet behandler.",
                "Angiv kontraktens længde i år.", "Vælg hvor systemet skal driftes.");
        assertThat(empty).filteredOn(line -> line.contains("Angiv et beløb i kroner"))
                .as("the two amounts share a message, so each line names its question")
                .containsExactly("Engangsudgift i kr.: Angiv et beløb i kroner (0 hvis intet).",
                        "Årlig udgift i kr.: Angiv et beløb i kroner (0 hvis intet).");

        HttpResponse<String> both = session.postForm("/anmodninger/ny", "/anmodninger/ny",
                "personalDataCategories=NONE&personalDataCategories=CPR&_personalDataCategories=on&contractYears="
                        + WebSession.encode("4 år") + "&submissionToken=" + UUID.randomUUID());
        assertThat(summary(both)).doesNotHaveDuplicates()
                .contains("Vælg enten »Ingen personoplysninger« eller de slags personoplysninger, systemet behandler – ikke begge.")
                .noneMatch(line -> line.contains("kontraktens længde"));
        assertThat(both.body()).as("the boxes come back as ticked").containsPattern("value=\"NONE\"\\s+checked")
                .containsPattern("value=\"CPR\"\\s+checked");
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void aScreeningNamesEachUnansweredQuestionOfTheChecklist() {
        String requestId = lifecycle.submitAndAccept("anna", "Fejlopsummering i screeningen");
        String expert = Lifecycle.expertFor(Area.SECURITY);
        String taskId = api.awaitTask(expert, requestId, "SCREENING").get("id").asText();
        WebSession session = new WebSession(port);
        session.login(expert);
        String page = "/opgaver/" + taskId;
        session.postForm(page, page + "/tag", "");

        List<String> lines = summary(session.postForm(page, page, ""));

        List<String> required = checklists.forArea(Area.SECURITY).stream().filter(ChecklistQuestion::required)
                .map(question -> "Besvar spørgsmålet »" + question.text() + "«").toList();
        assertThat(required).hasSizeGreaterThan(1);
        assertThat(lines).doesNotHaveDuplicates().containsAll(required).contains("Vælg en vurdering.")
                .noneMatch(line -> line.equals("Besvar dette spørgsmål."));
    }

    @Test
    void theTriageAndTheDecisionHaveNoLineTwice() {
        String requestId = api.submit("anna", "Fejlopsummering i triage").get("id").asText();
        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        JsonNode triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE");
        String triagePage = "/opgaver/" + triage.get("id").asText();

        assertThat(summary(coordinator.postForm(triagePage, triagePage, ""))).doesNotHaveDuplicates()
                .contains("Vælg resultatet af triagen.");

        String decided = lifecycle.submitAndAccept("anna", "Fejlopsummering i afgørelsen");
        lifecycle.approveAll(decided);
        String decisionPage = "/opgaver/" + api.awaitTask(Lifecycle.COORDINATOR, decided, "DECISION").get("id").asText();
        assertThat(summary(coordinator.postForm(decisionPage, decisionPage, ""))).doesNotHaveDuplicates()
                .contains("Vælg afgørelsen.");
    }
}
