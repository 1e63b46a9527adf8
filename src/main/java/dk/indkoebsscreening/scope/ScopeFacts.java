package dk.indkoebsscreening.scope;

import java.math.BigDecimal;

/**
 * What the scope tables read about a request, as the requester stated it.
 *
 * @param personalData     a {@code PersonalData} name
 * @param hosting          a {@code Hosting} name
 * @param aboveEuThreshold against the threshold in force on the submission day; null when none is configured
 */
public record ScopeFacts(String personalData, String hosting, int expectedUsers, boolean hasIntegrations,
                         BigDecimal contractValueDkk, Boolean aboveEuThreshold) {
}
