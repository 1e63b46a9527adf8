package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.history.HistoryEntry;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A history step as a sentence in the reader's language ({@code #historyText.sentence(item)}): "Sikkerhed og
 * GDPR: screenet af Sara Sikkerhed (sikkerhed): Godkendt".
 */
@Component("historyText")
public class HistoryText {

    private final Choices choices;
    private final People people;
    private final Formats formats;

    HistoryText(Choices choices, People people, Formats formats) {
        this.choices = choices;
        this.people = people;
        this.formats = formats;
    }

    public String sentence(HistoryItem item) {
        HistoryEntry entry = item.entry();
        String actor = entry.actor() == null ? "" : item.actorName().equals(entry.actor()) ? entry.actor()
                : item.actorName() + " (" + entry.actor() + ")";
        // A task or condition handed to someone names them; its text is their user id.
        String handedTo = handsOver(entry.kind()) ? personName(entry.text()) : "";
        // A wait for the requester counts its working days (the value, a number for the sentence's choice) and names the
        // deadline it moved to (the text, an instant).
        boolean waited = waitedForRequester(entry.kind());
        // An area a fast track's rule left out was confirmed by nobody: its sentence names the rule instead.
        String key = "history." + entry.kind().name()
                + (entry.kind() == HistoryKind.AREA_NOT_RELEVANT && entry.actor() == null ? ".byRule" : "");
        String sentence = choices.message(key, actor,
                waited ? Integer.valueOf(entry.value()) : valueLabel(entry), handedTo,
                entry.kind() == HistoryKind.DEADLINE_MOVED ? formats.dateTime(Instant.parse(entry.text())) : "");
        return entry.area() == null ? sentence : choices.message("area." + entry.area().name()) + ": " + sentence;
    }

    private String valueLabel(HistoryEntry entry) {
        if (entry.value() == null) {
            return "";
        }
        String prefix = switch (entry.kind()) {
            case TASK_CLAIMED, TASK_RELEASED, TASK_REASSIGNED, TASK_RETURNED_FOR_ABSENCE, TASK_TO_STAND_IN, TASK_RETURNED_STAND_IN_OVER -> "taskType.";
            case MAIL_SENT -> "mailKind.";
            case ATTACHMENT_ADDED, ATTACHMENT_REMOVED -> "attachmentStep.";
            // the rule of the scope tables that skipped triage or decided, in words
            case TRIAGE_SKIPPED, DECIDED_BY_RULE -> "handlingRule.";
            // the condition's number, as it is
            case CONDITION_REPORTED, CONDITION_VERIFIED, CONDITION_SENT_BACK, CONDITION_WAIVED, CONDITION_OVERDUE,
                 CONDITION_HANDED_OVER, CONDITION_REMINDED -> "";
            // the vendor's round, as it is
            case VENDOR_INVITED, VENDOR_SUBMITTED -> "";
            default -> "verdict.";
        };
        return prefix.isEmpty() ? entry.value() : choices.message(prefix + entry.value());
    }

    /** Whether the step's text is someone's words (shown as a quotation) rather than a name or an address. */
    public boolean quotes(HistoryItem item) {
        HistoryKind kind = item.entry().kind();
        return kind != HistoryKind.MAIL_SENT && kind != HistoryKind.ATTACHMENT_ADDED && kind != HistoryKind.ATTACHMENT_REMOVED
                && !handsOver(kind);
    }

    private static boolean waitedForRequester(HistoryKind kind) {
        return kind == HistoryKind.DEADLINE_MOVED || kind == HistoryKind.REQUESTER_WAITED;
    }

    private static boolean handsOver(HistoryKind kind) {
        return kind == HistoryKind.TASK_REASSIGNED || kind == HistoryKind.TASK_TO_STAND_IN || kind == HistoryKind.CONDITION_HANDED_OVER;
    }

    /** Whether the step's text is shown beside the sentence (a reassignment's is in the sentence already). */
    public boolean showsText(HistoryItem item) {
        return item.entry().text() != null && !handsOver(item.entry().kind()) && !waitedForRequester(item.entry().kind());
    }

    private String personName(String userId) {
        String name = people.name(userId);
        return name.equals(userId) ? userId : name + " (" + userId + ")";
    }
}
