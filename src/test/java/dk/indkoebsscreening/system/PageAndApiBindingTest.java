package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.decision.DecisionForm;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.screening.EscalationForm;
import dk.indkoebsscreening.screening.ScreeningForm;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.triage.InformationForm;
import dk.indkoebsscreening.triage.TriageForm;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A task step's two doors: the page's form and the API's JSON body bind to the same record, and the same mistakes
 * give the same problems with the same Danish messages, whichever door they came through.
 */
class PageAndApiBindingTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
    private static LocalValidatorFactoryBean validator;
    private static ObjectMapper json;
    private static FormBinder binder;

    @BeforeAll
    static void binder() {
        LocaleContextHolder.setDefaultLocale(DANISH);
        MESSAGES.setBasenames("messages", "ui");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
        validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(MESSAGES);
        validator.afterPropertiesSet();
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new StrictJsonConfiguration().strictJson().customize(builder);
        json = builder.build();
        binder = new FormBinder(json, validator);
    }

    @AfterAll
    static void close() {
        validator.close();
        LocaleContextHolder.setDefaultLocale(null);
    }

    @Test
    void aTriageIsTheSameRecordFromThePageAndFromTheApi() {
        TriageForm fromPage = binder.bindForm(form("outcome", "ACCEPT", "comment", "  Ser fint ud  ", "areas", "SECURITY",
                "areas", "CONTRACT", "_areas", "on", "_flags", "on", "scopeReason", "Kun to områder", "_csrf", "token"),
                TriageForm.class, noRules());
        TriageForm fromApi = binder.bind(body("""
                {"outcome": "ACCEPT", "comment": "Ser fint ud", "areas": ["SECURITY", "CONTRACT"], "flags": [],
                 "scopeReason": "Kun to områder"}"""), TriageForm.class, noRules());

        assertThat(fromPage).isEqualTo(fromApi);
        assertThat(fromPage.outcome()).isEqualTo(TriageOutcome.ACCEPT);
        assertThat(fromPage.comment()).isEqualTo("Ser fint ud");
        assertThat(fromPage.areas()).containsExactly(Area.SECURITY, Area.CONTRACT);
        assertThat(fromPage.flags()).as("none checked").isEmpty();
        assertThat(fromPage.scopeReason()).isEqualTo("Kun to områder");
        assertThat(binder.bindForm(form("outcome", "ACCEPT"), TriageForm.class, noRules()))
                .as("areas and flags left out keep the proposal, through either door")
                .isEqualTo(binder.bind(body("{\"outcome\": \"ACCEPT\"}"), TriageForm.class, noRules()))
                .isEqualTo(new TriageForm(TriageOutcome.ACCEPT, null));
    }

    @Test
    void aTriagesMistakesAreTheSameFromThePageAndFromTheApi() {
        Function<TriageForm, List<FieldProblem>> rules = form -> form.scopeReason() == null
                ? List.of(new FieldProblem("scopeReason", "triage.scope.reasonRequired")) : List.of();
        String tooLong = "x".repeat(4001);
        List<String> fromPage = problems(() -> binder.bindForm(form("outcome", "MAYBE", "comment", tooLong,
                "areas", "SECURITY", "areas", "NOWHERE", "_areas", "on"), TriageForm.class, rules));
        List<String> fromApi = problems(() -> binder.bind(body("""
                {"outcome": "MAYBE", "comment": "%s", "areas": ["SECURITY", "NOWHERE"]}""".formatted(tooLong)), TriageForm.class, rules));

        assertThat(fromPage).isEqualTo(fromApi).containsExactlyInAnyOrder(
                "outcome: Skal være en af: ACCEPT, NEED_MORE_INFORMATION, REJECT.",
                "areas[1]: Skal være en af: " + String.join(", ", List.of(Area.values()).stream().map(Area::name).toList()) + ".",
                "comment: Teksten er for lang (højst 4000 tegn).",
                "scopeReason: Skriv, hvorfor omfanget afviger fra forslaget.");
        assertThat(problems(() -> binder.bindForm(form("comment", ""), TriageForm.class, noRules())))
                .isEqualTo(problems(() -> binder.bind(body("{}"), TriageForm.class, noRules())))
                .containsExactly("outcome: Vælg resultatet af triagen.");
    }

    @Test
    void aScreeningIsTheSameRecordFromThePageAndFromTheApi() {
        ScreeningForm fromPage = binder.bindForm(form("verdict", "APPROVED_WITH_CONDITIONS", "findings", "Ok",
                "conditions", "Databehandleraftale\r\n\r\n  Logning i 5 år  \n", "checklist.dpa", " yes ",
                "checklist.notes", "   "), ScreeningForm.class, noRules());
        ScreeningForm fromApi = binder.bind(body("""
                {"verdict": "APPROVED_WITH_CONDITIONS", "findings": "Ok",
                 "conditions": ["Databehandleraftale", "Logning i 5 år"], "checklist": {"dpa": "yes"}}"""),
                ScreeningForm.class, noRules());

        assertThat(fromPage).isEqualTo(fromApi).isEqualTo(new ScreeningForm(Verdict.APPROVED_WITH_CONDITIONS, "Ok",
                List.of("Databehandleraftale", "Logning i 5 år"), Map.of("dpa", "yes")));
        assertThat(fromPage.conditionLines()).isEqualTo("Databehandleraftale\nLogning i 5 år");
    }

    @Test
    void aScreeningsMistakesAreTheSameFromThePageAndFromTheApi() {
        List<String> conditions = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "Betingelse " + i).toList();
        Function<ScreeningForm, List<FieldProblem>> rules = form -> form.checklist().containsKey("dpa") ? List.of()
                : List.of(new FieldProblem("checklist.dpa", "screening.checklist.required"));
        List<String> fromPage = problems(() -> binder.bindForm(form("verdict", "PERHAPS", "conditions", String.join("\n", conditions),
                "checklist.notes", "x".repeat(1001)), ScreeningForm.class, rules));
        List<String> fromApi = problems(() -> binder.bind(json.valueToTree(Map.of("verdict", "PERHAPS", "conditions", conditions,
                "checklist", Map.of("notes", "x".repeat(1001)))), ScreeningForm.class, rules));

        assertThat(fromPage).isEqualTo(fromApi).contains("conditions: Højst 20 betingelser.",
                "checklist.notes: Teksten er for lang (højst 1000 tegn).").anyMatch(problem -> problem.startsWith("verdict: Skal være en af"))
                .anyMatch(problem -> problem.startsWith("checklist.dpa: "));
    }

    @Test
    void aDecisionAnAnswerAndAnEscalationAreTheSameFromThePageAndFromTheApi() {
        assertThat(binder.bindForm(form("outcome", "REJECTED", "reason", " Dækket af eksisterende system "), DecisionForm.class, noRules()))
                .isEqualTo(binder.bind(body("{\"outcome\": \"REJECTED\", \"reason\": \"Dækket af eksisterende system\"}"),
                        DecisionForm.class, noRules()))
                .isEqualTo(new DecisionForm(Verdict.REJECTED, "Dækket af eksisterende system", null, null));
        assertThat(binder.bindForm(form("answer", "Omkring 120"), InformationForm.class, noRules()))
                .isEqualTo(binder.bind(body("{\"answer\": \"Omkring 120\"}"), InformationForm.class, noRules()));
        assertThat(binder.bindForm(form("comment", "Rykket"), EscalationForm.class, noRules()))
                .isEqualTo(binder.bind(body("{\"comment\": \"Rykket\"}"), EscalationForm.class, noRules()));

        assertThat(problems(() -> binder.bindForm(form("outcome", ""), DecisionForm.class, noRules())))
                .isEqualTo(problems(() -> binder.bind(body("{}"), DecisionForm.class, noRules())))
                .containsExactly("outcome: " + message("decision.outcome.required"));
        assertThat(problems(() -> binder.bindForm(form("answer", " \u200B "), InformationForm.class, noRules())))
                .isEqualTo(problems(() -> binder.bind(body("{\"answer\": \" \\u200B \"}"), InformationForm.class, noRules())))
                .containsExactly("answer: " + message("information.answer.required"));
        assertThat(problems(() -> binder.bindForm(form(), EscalationForm.class, noRules())))
                .isEqualTo(problems(() -> binder.bind(body("{}"), EscalationForm.class, noRules())))
                .containsExactly("comment: " + message("escalation.comment.required"));
    }

    @Test
    void aDecisionsConditionsAreTheSameRowsFromThePageAndFromTheApi() {
        DecisionForm fromPage = binder.bindForm(form("outcome", "APPROVED_WITH_CONDITIONS",
                "areaConditions[0].ref", "SECURITY-1", "areaConditions[0].handling", "KEEP",
                "areaConditions[0].text", " Databehandleraftale underskrevet ", "areaConditions[0].owner", "bent",
                "areaConditions[0].due", "2027-03-01", "areaConditions[1].ref", "CONTRACT-1", "areaConditions[1].handling", "DROP",
                "areaConditions[1].note", "Dækket af SKI-aftalen", "ownConditions[0].text", "", "ownConditions[0].owner", "",
                "ownConditions[1].text", "Indhent tilbud via SKI 02.19", "ownConditions[2].text", ""), DecisionForm.class, noRules());
        DecisionForm fromApi = binder.bind(body("""
                {"outcome": "APPROVED_WITH_CONDITIONS",
                 "areaConditions": [
                   {"ref": "SECURITY-1", "handling": "KEEP", "text": "Databehandleraftale underskrevet", "owner": "bent", "due": "2027-03-01"},
                   {"ref": "CONTRACT-1", "handling": "DROP", "note": "Dækket af SKI-aftalen"}],
                 "ownConditions": [{"text": "Indhent tilbud via SKI 02.19"}]}"""), DecisionForm.class, noRules());

        assertThat(fromPage).as("the empty rows are no rows").isEqualTo(fromApi).isEqualTo(new DecisionForm(
                Verdict.APPROVED_WITH_CONDITIONS, null,
                List.of(new DecisionForm.AreaCondition("SECURITY-1", DecisionForm.Handling.KEEP, "Databehandleraftale underskrevet",
                                null, null, "bent", java.time.LocalDate.of(2027, 3, 1)),
                        new DecisionForm.AreaCondition("CONTRACT-1", DecisionForm.Handling.DROP, null, null, "Dækket af SKI-aftalen", null, null)),
                List.of(new DecisionForm.OwnCondition("Indhent tilbud via SKI 02.19", null, null))));

        assertThat(problems(() -> binder.bindForm(form("outcome", "APPROVED_WITH_CONDITIONS", "ownConditions[0].text", "",
                "ownConditions[3].owner", "bent", "ownConditions[3].due", "1. marts", "areaConditions[0].ref", "SECURITY-1",
                "areaConditions[0].handling", "KEEP‮"), DecisionForm.class, noRules())))
                .as("a row is numbered as the page shows it back, without the empty rows before it")
                .isEqualTo(problems(() -> binder.bind(body("""
                        {"outcome": "APPROVED_WITH_CONDITIONS", "areaConditions": [{"ref": "SECURITY-1", "handling": "KEEP\u202E"}],
                         "ownConditions": [{"owner": "bent", "due": "1. marts"}]}"""), DecisionForm.class, noRules())))
                .contains("ownConditions[0].due: " + message("field.date"))
                .anyMatch(problem -> problem.startsWith("areaConditions[0].handling: Skal være en af"));
    }

    @Test
    void thePageShowsTheFormBackAsTyped() {
        TriageForm shown = binder.shownForm(form("outcome", "MAYBE", "comment", "  som skrevet  ", "areas", "SECURITY",
                "areas", "NOWHERE", "_areas", "on"), TriageForm.class);

        assertThat(shown.outcome()).as("none of the options").isNull();
        assertThat(shown.comment()).isEqualTo("  som skrevet  ");
        assertThat(shown.areas()).containsExactly(Area.SECURITY);
        assertThat(shown.flags()).as("left out, so the proposal's").isNull();
        assertThat(binder.shownForm(form(), TriageForm.class)).isEqualTo(new TriageForm(null, null));
    }

    private static <T extends Record> Function<T, List<FieldProblem>> noRules() {
        return form -> List.of();
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** A record no page's form can fill is refused when its step is registered, not when the first form arrives. */
    @Test
    void aRecordAPageCannotFillIsRefusedBeforeAnyFormArrives() {
        record WithANumber(String text, Integer count) {
        }
        record WithDates(List<java.time.LocalDate> dates) {
        }

        for (Class<? extends Record> form : List.of(TriageForm.class, InformationForm.class, ScreeningForm.class,
                EscalationForm.class, DecisionForm.class)) {
            binder.requirePageForm(form);
        }
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> binder.requirePageForm(WithANumber.class)))
                .hasMessageContaining("count");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> binder.requirePageForm(WithDates.class)))
                .hasMessageContaining("dates");
    }

    private static JsonNode body(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> problems(Runnable binding) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, binding::run);
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().stream()
                .map(problem -> problem.field() + ": " + problem.messageIn(MESSAGES, DANISH)).toList();
    }

    private static String message(String key) {
        return MESSAGES.getMessage(key, null, DANISH);
    }
}
