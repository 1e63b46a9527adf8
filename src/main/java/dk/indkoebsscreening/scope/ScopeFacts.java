package dk.indkoebsscreening.scope;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the scope tables read about a request, as the requester stated it.
 *
 * @param personalData     every category of personal data that applies, as {@code PersonalData} names
 * @param hosting          a {@code Hosting} name
 * @param aboveEuThreshold against the threshold in force on the submission day; null when none is configured
 */
public record ScopeFacts(List<String> personalData, String hosting, int expectedUsers, boolean hasIntegrations,
                         BigDecimal contractValueDkk, Boolean aboveEuThreshold) {
}
