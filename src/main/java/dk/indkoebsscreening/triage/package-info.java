/**
 * The coordinator's triage, which confirms or changes the proposed scope, and the questions to the requester
 * ({@code clarification}). Uses history, process, request, scope and system.
 */
@ApplicationModule(displayName = "Triage", allowedDependencies = {"history", "process", "request", "scope", "system"})
package dk.indkoebsscreening.triage;

import org.springframework.modulith.ApplicationModule;
