package dk.indkoebsscreening.openapi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.testsupport.ApiContract;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The contract check the API tests' answers go through catches what it is there for, and only that. */
class ApiContractTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Ikke fundet", "status": 404, "detail": "Anmodningen findes ikke.",
             "instance": "/api/requests/0f8fad5b-d9cb-469f-a165-70867728950e", "errors": []}""";
    private static final String TASK = """
            [{"id": "5c1ae5d8", "type": "TRIAGE", "area": null, "subject": "REQUEST",
              "subjectId": "0f8fad5b-d9cb-469f-a165-70867728950e", "requestId": "0f8fad5b-d9cb-469f-a165-70867728950e",
              "reference": "IND-2026-0042", "label": "IND-2026-0042", "title": "T", "systemName": "S", "vendor": "V",
              "link": "/anmodninger/0f8fad5b-d9cb-469f-a165-70867728950e", "due": null,
              "created": "2026-12-07T09:12:40Z", "assignee": null, "municipality": "nordby"}]""";

    private final ApiContract contract = ApiContract.committed();

    @Test
    void answersAsDocumentedPass() {
        assertThatCode(() -> answer("GET", "/api/requests/0f8fad5b-d9cb-469f-a165-70867728950e", 404, PROBLEM, NOT_FOUND))
                .doesNotThrowAnyException();
        assertThatCode(() -> answer("GET", "/api/tasks", 200, JSON, TASK)).doesNotThrowAnyException();
        assertThatCode(() -> answer("GET", "/api/tasks?x=1", 200, "application/json;charset=UTF-8", TASK))
                .doesNotThrowAnyException();
        assertThatCode(() -> answer("POST", "/api/tasks/5c1ae5d8/claim", 204, null, "")).doesNotThrowAnyException();
        assertThatCode(() -> answer("GET", "/anmodninger", 200, "text/html", "<html>")).as("a page").doesNotThrowAnyException();
        assertThatCode(() -> answer("GET", "/api/nothing-here", 404, PROBLEM, NOT_FOUND)).as("an unknown route's problem")
                .doesNotThrowAnyException();
    }

    @Test
    void anErrorInAnotherShapeOrTypeFails() {
        assertThatThrownBy(() -> answer("GET", "/api/requests/0f8fad5b-d9cb-469f-a165-70867728950e", 404, JSON,
                "{\"status\": 404, \"message\": \"Ikke fundet\", \"errors\": []}"))
                .hasMessageContaining("type application/json is none of application/problem+json");
        assertThatThrownBy(() -> answer("GET", "/api/requests/0f8fad5b-d9cb-469f-a165-70867728950e", 404, PROBLEM,
                NOT_FOUND.replace(", \"errors\": []", "")))
                .hasMessageContaining("errors");
        assertThatThrownBy(() -> answer("DELETE", "/api/tasks", 405, JSON, "{\"timestamp\": 1, \"status\": 405}"))
                .as("a method the document does not have").hasMessageContaining("none of application/problem+json");
    }

    @Test
    void aSuccessTheDocumentDoesNotDescribeFails() {
        assertThatThrownBy(() -> answer("GET", "/api/tasks", 200, JSON, "[{\"id\": 5}]")).hasMessageContaining("$[0].id");
        assertThatThrownBy(() -> answer("GET", "/api/tasks", 200, "text/plain", "x")).hasMessageContaining("type text/plain");
        assertThatThrownBy(() -> answer("GET", "/api/tasks", 418, PROBLEM, NOT_FOUND)).hasMessageContaining("418 is not documented");
        assertThatThrownBy(() -> answer("GET", "/api/undocumented", 200, JSON, "{}")).hasMessageContaining("has no GET /api/undocumented");
        assertThatThrownBy(() -> answer("POST", "/api/tasks/5c1ae5d8/claim", 204, JSON, "{}")).hasMessageContaining("a body where");
    }

    @Test
    void aRequestIsHeldToTheDocumentOnlyWhenTheApplicationAcceptedIt() {
        String receipt = "{\"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\", \"reference\": \"IND-2026-0042\", \"status\": \"SCREENING\"}";
        String invalid = "{\"title\": 5}";
        assertThatThrownBy(() -> contract.check("POST", "/api/requests", JSON, bytes(invalid), 201, JSON, bytes(receipt)))
                .hasMessageContaining("the request accepted");
        String refused = """
                {"type": "urn:indkoebsscreening:problem:invalid-input", "title": "Ugyldige oplysninger", "status": 400,
                 "detail": "Ret de markerede felter.", "instance": "/api/requests",
                 "errors": [{"field": "title", "message": "Skal være tekst"}]}""";
        assertThatCode(() -> contract.check("POST", "/api/requests", JSON, bytes(invalid), 400, PROBLEM, bytes(refused)))
                .doesNotThrowAnyException();
    }

    private void answer(String method, String target, int status, String type, String body) {
        contract.check(method, target, null, null, status, type, bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
