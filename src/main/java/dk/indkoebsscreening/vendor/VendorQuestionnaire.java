package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.VendorQuestion;
import java.util.List;

/**
 * What the vendor sees of a round and nothing more: the municipality, the request's title, the questions for the
 * vendor of the areas in the request's scope (none in a round that follows a submitted one), the round's follow-up
 * questions, and the vendor's earlier submitted answers for reference.
 *
 * @param areas   the checklist's questions asked in this round: all of them in round 1 and in a round after rounds never
 *                submitted (revoked, expired), none in a round after a submitted one (it asks its follow-up questions)
 * @param earlier the latest answer to each question submitted in an earlier round, read-only; empty when none was
 */
public record VendorQuestionnaire(VendorInvitation invitation, String municipality, String requestTitle, List<AreaPart> areas,
                                  List<FollowUp> followUps, List<AreaAnswers> earlier) {

    public VendorQuestionnaire {
        areas = List.copyOf(areas);
        followUps = List.copyOf(followUps);
        earlier = List.copyOf(earlier);
    }

    /** The areas the round concerns: those it asks, or in a round of follow-up questions only, those answered before. */
    public List<Area> concerned() {
        return (areas.isEmpty() ? earlier.stream().map(AreaAnswers::area) : areas.stream().map(AreaPart::area)).toList();
    }

    public record AreaPart(Area area, List<AskedQuestion> questions) {

        public AreaPart {
            questions = List.copyOf(questions);
        }
    }

    /** @param id the checklist question's id */
    public record AskedQuestion(String id, VendorQuestion question) {
    }

    /** @param id {@code followUp1}, {@code followUp2} ... in the order the experts wrote them */
    public record FollowUp(String id, String text) {
    }
}
