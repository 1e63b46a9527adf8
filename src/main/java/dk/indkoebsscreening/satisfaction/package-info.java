/**
 * The requester's satisfaction with the screening: asked once, after the decision (after the conditions are settled
 * when the approval has conditions), by mail ({@code SatisfactionAsked}, one reminder: {@code SatisfactionReminderDue})
 * and on the request's page, where the requester answers how satisfied (1-5) and what could be better, anonymously in
 * the steering report if they choose. Owns {@code satisfaction_survey}. Uses decision and followup (their facts),
 * request (the request and its requester), security, system and web.
 */
@ApplicationModule(displayName = "Satisfaction", allowedDependencies = {"decision", "followup", "process", "request", "security", "system", "web"})
package dk.indkoebsscreening.satisfaction;

import org.springframework.modulith.ApplicationModule;
