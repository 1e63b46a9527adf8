/**
 * The case history ({@code case_history}): every step of a request with who, what and when, written by the
 * step in its own transaction, kept as long as the request (unlike Camunda's history, which is cleaned up, and
 * the outbox, which forgets published events). Uses process and system.
 */
@ApplicationModule(displayName = "History", allowedDependencies = {"process", "system"})
package dk.indkoebsscreening.history;

import org.springframework.modulith.ApplicationModule;
