/**
 * The coordinator's triage and the questions to the requester ({@code clarification}). Uses request,
 * process and system.
 */
@ApplicationModule(displayName = "Triage", allowedDependencies = {"history", "process", "request", "system"})
package dk.indkoebsscreening.triage;

import org.springframework.modulith.ApplicationModule;
