package dk.indkoebsscreening.triage;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.questions.*}.
 *
 * @param answerWithin working days the requester is asked to answer within (never past the screening deadline)
 */
@Validated
@ConfigurationProperties("indkoeb.questions")
record QuestionProperties(@Min(1) int answerWithin) {
}
