/**
 * The read model of one request for the API and the pages (status, areas, questions, escalation,
 * decision, its conditions, the files, where it is in the model, the vendor's questionnaire and answers) and lists of requests, and the files' downloads. Reads the steps' modules and the municipality (the report's letterhead); changes nothing.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {"attachment", "deadline", "decision", "followup", "history", "municipality", "process", "request", "satisfaction", "scope", "screening", "security", "system", "triage", "vendor", "web"})
package dk.indkoebsscreening.casefile;

import org.springframework.modulith.ApplicationModule;
