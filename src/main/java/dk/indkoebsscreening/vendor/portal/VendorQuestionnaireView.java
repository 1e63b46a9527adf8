package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.screening.VendorAnswerType;
import dk.indkoebsscreening.screening.VendorOption;
import dk.indkoebsscreening.screening.VendorQuestion;
import dk.indkoebsscreening.vendor.InvitationState;
import dk.indkoebsscreening.vendor.VendorQuestionnaire.AskedQuestion;
import dk.indkoebsscreening.vendor.VendorAnswer;
import dk.indkoebsscreening.vendor.VendorDocument;
import dk.indkoebsscreening.vendor.VendorQuestionnaire;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The questionnaire as the vendor's pages show it: each question in the vendor's language with its answer so far. */
@Component
class VendorQuestionnaireView {

    /**
     * @param type     the answer type's name ({@link VendorAnswerType}); follow-up questions are TEXT
     * @param options  value to text, for YES_NO and CHOICE
     * @param value    the answer as given or saved, or null
     */
    record Shown(String id, String text, String type, Map<String, String> options, String value,
                 List<VendorDocument> documents) {

        /** The answer in words, for the read-only page: the option's text, or the text as written. */
        public String valueText() {
            return value == null || options.isEmpty() ? value : options.getOrDefault(value, value);
        }
    }

    record ShownArea(String title, List<Shown> questions) {
    }

    private final Choices choices;

    VendorQuestionnaireView(Choices choices) {
        this.choices = choices;
    }

    /**
     * @param given answers as the vendor sent them, shown again when they were refused; else the saved ones show
     */
    void fill(VendorQuestionnaire questionnaire, Map<String, VendorAnswer> saved, Map<String, String> given,
              PageErrors errors, Model model) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        List<ShownArea> areas = questionnaire.areas().stream()
                .map(part -> new ShownArea(choices.message("area." + part.area().name()), part.questions().stream()
                        .map(asked -> shown(asked.id(), asked.question(), english, saved, given))
                        .toList()))
                .toList();
        List<Shown> followUps = questionnaire.followUps().stream()
                .map(followUp -> new Shown(followUp.id(), followUp.text(), VendorAnswerType.TEXT.name(), Map.of(),
                        value(followUp.id(), saved, given), List.of()))
                .toList();
        // the earlier rounds' answers, read-only: shown for reference, neither asked nor counted
        List<ShownArea> earlier = questionnaire.earlier().stream()
                .map(part -> new ShownArea(choices.message("area." + part.area().name()), part.answers().stream()
                        .map(answer -> shown(answer.questionId(), answer.question(), english,
                                Map.of(answer.questionId(), new VendorAnswer(answer.questionId(), answer.value(), answer.documents(),
                                        answer.submittedAt())), Map.of()))
                        .toList()))
                .toList();
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("earlier", earlier);
        model.addAttribute("municipality", questionnaire.municipality());
        model.addAttribute("areas", areas);
        model.addAttribute("followUps", followUps);
        model.addAttribute("errors", errors);
        model.addAttribute("unanswered", Stream.concat(areas.stream().flatMap(area -> area.questions().stream()), followUps.stream())
                .filter(question -> (question.value() == null || question.value().isBlank()) && question.documents().isEmpty())
                .count());
        model.addAttribute("readOnly", questionnaire.invitation().state() != InvitationState.OPEN);
    }

    /** The ids of the questions answered in a field (not by a file), in page order. */
    List<String> textQuestionIds(VendorQuestionnaire questionnaire) {
        return Stream.concat(asked(questionnaire).filter(asked -> asked.question().answer() != VendorAnswerType.DOCUMENT)
                        .map(AskedQuestion::id),
                questionnaire.followUps().stream().map(followUp -> followUp.id())).toList();
    }

    List<String> documentQuestionIds(VendorQuestionnaire questionnaire) {
        return asked(questionnaire).filter(asked -> asked.question().answer() == VendorAnswerType.DOCUMENT)
                .map(AskedQuestion::id).toList();
    }

    /** Every question's field in the order the page shows them, for the error summary (a file input: "fil." + id). */
    List<String> fieldOrder(VendorQuestionnaire questionnaire) {
        return Stream.concat(asked(questionnaire).map(asked -> asked.question().answer() == VendorAnswerType.DOCUMENT
                        ? VendorPages.FILE + asked.id() : asked.id()),
                questionnaire.followUps().stream().map(followUp -> followUp.id())).toList();
    }

    private static Stream<AskedQuestion> asked(VendorQuestionnaire questionnaire) {
        return questionnaire.areas().stream().flatMap(part -> part.questions().stream());
    }

    private Shown shown(String id, VendorQuestion question, boolean english, Map<String, VendorAnswer> saved,
                        Map<String, String> given) {
        Map<String, String> options = new LinkedHashMap<>();
        if (question.answer() == VendorAnswerType.YES_NO) {
            options.put("YES", choices.message("vendorPage.yes"));
            options.put("NO", choices.message("vendorPage.no"));
        } else if (question.answer() == VendorAnswerType.CHOICE) {
            for (VendorOption option : question.options()) {
                options.put(option.value(), english ? option.textEn() : option.text());
            }
        }
        VendorAnswer answer = saved.get(id);
        return new Shown(id, english ? question.textEn() : question.text(), question.answer().name(), options,
                value(id, saved, given), answer == null ? List.of() : answer.documents());
    }

    private static String value(String id, Map<String, VendorAnswer> saved, Map<String, String> given) {
        if (given.containsKey(id)) {
            return given.get(id);
        }
        VendorAnswer answer = saved.get(id);
        return answer == null ? null : answer.value();
    }
}
