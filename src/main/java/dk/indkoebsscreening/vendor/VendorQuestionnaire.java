package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.VendorQuestion;
import java.util.List;

/**
 * What the vendor sees of a round and nothing more: the municipality, the request's title, the questions for the
 * vendor of the areas in the request's scope, and the round's follow-up questions.
 */
public record VendorQuestionnaire(VendorInvitation invitation, String municipality, String requestTitle, List<AreaPart> areas,
                                  List<FollowUp> followUps) {

    public VendorQuestionnaire {
        areas = List.copyOf(areas);
        followUps = List.copyOf(followUps);
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
