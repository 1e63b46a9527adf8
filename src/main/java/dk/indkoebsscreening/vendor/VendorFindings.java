package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistQuestion;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.screening.VendorOption;
import dk.indkoebsscreening.vendor.AreaAnswers.SubmittedAnswer;
import dk.indkoebsscreening.web.Formats;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * "Brug svaret": the vendor's submitted answer to a checklist question taken into an expert's screening form, which the
 * task page then keeps as the expert's draft. The findings get a note "Leverandøren oplyser: …"; the checklist's answer is
 * left as the expert gave it, for every answer type: the vendor's question is not the expert's (a vendor who "will sign
 * the municipality's template" has not said that an agreement exists), so the expert reads, answers and decides.
 */
@Service
public class VendorFindings {

    /** The form parameter that names the question whose answer is taken (the button's value). */
    public static final String PARAMETER = "leverandoersvar";

    private final VendorAnswers answers;
    private final ScreeningService screening;
    private final MessageSource messages;
    private final Formats formats;

    VendorFindings(VendorAnswers answers, ScreeningService screening, MessageSource messages, Formats formats) {
        this.answers = answers;
        this.screening = screening;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * The posted screening form (without {@link #PARAMETER}) with the vendor's answer to the question added to the findings, the
     * checklist's answers as posted; unchanged when the vendor submitted no
     * answer to it (a forged or stale button). The note is added once, however often the button is pressed.
     */
    public MultiValueMap<String, String> take(UUID requestId, String questionId, MultiValueMap<String, String> posted) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(posted);
        for (AreaAnswers area : answers.forRequest(requestId)) {
            SubmittedAnswer answer = area.answer(questionId).orElse(null);
            if (answer != null) {
                ChecklistQuestion question = checklistQuestion(area.area(), questionId);
                String note = note(question, answer);
                String findings = form.getFirst("findings") == null ? "" : form.getFirst("findings").strip();
                if (!findings.contains(note)) {
                    form.set("findings", findings.isEmpty() ? note : findings + "\n\n" + note);
                }
            }
        }
        return form;
    }

    /** In Danish, as the findings are written; with the round and the date, for the reader of the report. */
    private String note(ChecklistQuestion question, SubmittedAnswer answer) {
        return message("vendor.staff.use.note", question.text(), shown(answer), answer.round(), formats.date(answer.submittedAt()));
    }

    private String shown(SubmittedAnswer answer) {
        String files = answer.documents().stream().map(VendorDocument::fileName).collect(Collectors.joining(", "));
        String value = switch (answer.question().answer()) {
            case YES_NO -> answer.value() == null ? null : message("vendor.staff.answer." + answer.value());
            case CHOICE -> answer.question().options().stream().filter(option -> option.value().equals(answer.value()))
                    .map(VendorOption::text).findFirst().orElse(answer.value());
            case TEXT, DOCUMENT -> answer.value();
        };
        if (files.isEmpty()) {
            return value == null ? "" : value;
        }
        String documents = message("vendor.staff.use.documents", files);
        return value == null ? documents : value + " " + documents;
    }

    private ChecklistQuestion checklistQuestion(Area area, String questionId) {
        return screening.checklist(area).stream().filter(question -> question.id().equals(questionId)).findFirst().orElseThrow();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.forLanguageTag("da"));
    }
}
