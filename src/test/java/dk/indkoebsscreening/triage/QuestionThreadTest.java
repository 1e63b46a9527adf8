package dk.indkoebsscreening.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The request's questions to the requester as one thread, oldest first, with who asked and who answered by name. */
class QuestionThreadTest extends ApiTestBase {

    @Autowired
    QuestionThread questions;

    @Test
    void theThreadHasEveryQuestionOldestFirstAndTheOpenOnesAreTheRequestersToAnswer() {
        String requestId = api.submit("anna", "Spørgsmålstråd").get("id").asText();
        UUID id = UUID.fromString(requestId);
        assertThat(questions.thread(id)).isEmpty();

        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor ligger data?"));
        String question = api.awaitTask("anna", requestId, "MORE_INFORMATION").get("id").asText();

        assertThat(questions.openForRequester(id)).singleElement().satisfies(open -> {
            assertThat(open.question()).isEqualTo("Hvor ligger data?");
            assertThat(open.area()).isNull();
            assertThat(open.askedByName()).isEqualTo("Karen Koordinator");
            assertThat(open.answer()).isNull();
        });

        api.completeOk("anna", question, Map.of("answer", "I Azure East US."));
        String again = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, again, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Og backup?"));
        api.awaitTask("anna", requestId, "MORE_INFORMATION");

        assertThat(questions.thread(id)).extracting(Clarification::question, Clarification::answer)
                .containsExactly(tuple("Hvor ligger data?", "I Azure East US."),
                        tuple("Og backup?", null));
        assertThat(questions.thread(id).get(0).answeredBy()).isEqualTo("anna");
        assertThat(questions.thread(id).get(0).answeredByName()).isNotBlank();
        assertThat(questions.openForRequester(id)).extracting(Clarification::question).containsExactly("Og backup?");
    }
}
