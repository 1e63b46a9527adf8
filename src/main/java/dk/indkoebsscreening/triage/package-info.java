/**
 * The coordinator's triage, which confirms or changes the proposed scope, and the questions to the requester, the
 * coordinator's and the screenings' ({@code clarification}), read as one thread ({@link dk.indkoebsscreening.triage.QuestionThread}), and the coordinators' own notes ({@code triage_note}), as task steps with their page fragments ({@code templates/triage}). Uses deadline (the date to answer by),
 * events, history, process, request, scope, security, system and web.
 */
@ApplicationModule(displayName = "Triage", allowedDependencies = {"deadline", "events", "history", "process", "request", "scope", "security", "system", "web"})
package dk.indkoebsscreening.triage;

import org.springframework.modulith.ApplicationModule;
