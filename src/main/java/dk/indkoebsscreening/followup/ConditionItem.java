package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A condition of an approval as it is followed up: what must be done, who set it, who must do it by when, where it
 * stands, what its owner showed and everything that happened to it.
 *
 * @param number       its number within the request, from 1, in the decision's order
 * @param setBy        the area whose verdict set it; null when the coordinator set it at the decision
 * @param owner        the username of whoever must fulfil it
 * @param due          the date it must be fulfilled by (for one due before go-live, the request's desired start date);
 *                     null when before go-live and the request has no start date
 * @param changeNote   why the coordinator reworded or merged an area's condition; null when kept as set
 * @param evidence     the owner's reports of fulfilment, oldest first
 * @param lastReason   the reason of the latest send-back or waiver; null when none was given
 * @param changes      every change, oldest first, the setting included
 */
public record ConditionItem(UUID id, UUID requestId, int number, String text, Area setBy, String owner, LocalDate due,
                            boolean beforeGoLive, ConditionStatus status, String changeNote, List<Evidence> evidence,
                            String lastReason, List<Change> changes) {

    public ConditionItem {
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
    }

    /** The condition's page, where its owner, its verifier and the coordinators act on it. */
    public String page() {
        return "/anmodninger/" + requestId + "/betingelser/" + id;
    }

    /** Set by the coordinator at the decision rather than by an area's verdict. */
    public boolean setByCoordinator() {
        return setBy == null;
    }

    /** A report of fulfilment: what was done and the files that show it. */
    public record Evidence(String text, List<EvidenceFile> files, String by, Instant at) {

        public Evidence {
            files = List.copyOf(files);
        }
    }

    /** A file of the request's attachments, by id and the name it had when reported. */
    public record EvidenceFile(UUID id, String name) {
    }

    /**
     * @param status the condition's status after the change
     * @param by     who did it; null for what the process did by itself (overdue)
     * @param text   the words given (what was done, a reason), the new owner's username for a hand-over, or null
     */
    public record Change(ChangeKind kind, ConditionStatus status, String by, String text, List<EvidenceFile> files,
                         Instant at) {

        public Change {
            files = List.copyOf(files);
        }
    }
}
