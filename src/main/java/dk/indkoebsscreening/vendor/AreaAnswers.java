package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.VendorQuestion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's submitted answers to one area's questions, for the experts: statements of the vendor, not findings.
 *
 * @param answers the questions the vendor answered in a submitted round, in the checklist's order
 */
public record AreaAnswers(Area area, List<SubmittedAnswer> answers) {

    public AreaAnswers {
        answers = List.copyOf(answers);
    }

    public Optional<SubmittedAnswer> answer(String questionId) {
        return answers.stream().filter(answer -> answer.questionId().equals(questionId)).findFirst();
    }

    /**
     * The latest submitted answer to a question across the rounds.
     *
     * @param value null when the vendor answered with documents only
     * @param round the round it was submitted in
     */
    public record SubmittedAnswer(String questionId, VendorQuestion question, String value, List<VendorDocument> documents, int round,
                                  Instant submittedAt) {

        public SubmittedAnswer {
            documents = List.copyOf(documents);
        }
    }
}
