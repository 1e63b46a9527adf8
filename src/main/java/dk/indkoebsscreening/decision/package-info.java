/**
 * The recommendation table's result and the coordinator's decision ({@code decision}), published as an
 * event with the scope. Uses attachment, events, history, process, request, scope, screening, security and system.
 */
@ApplicationModule(displayName = "Decision", allowedDependencies = {"attachment", "events", "history", "process", "request", "scope", "screening", "security", "system"})
package dk.indkoebsscreening.decision;

import org.springframework.modulith.ApplicationModule;
