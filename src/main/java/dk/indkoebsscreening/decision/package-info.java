/**
 * The recommendation table's result and the coordinator's decision ({@code decision}), published as an
 * event with the scope; the decision is a task step with its page fragment ({@code templates/decision}). Uses attachment,
 * deadline (the municipality's time zone), events, history, process, request, scope, screening, security, system and web.
 */
@ApplicationModule(displayName = "Decision", allowedDependencies = {"attachment", "deadline", "events", "history", "process", "request", "scope", "screening", "security", "system", "web"})
package dk.indkoebsscreening.decision;

import org.springframework.modulith.ApplicationModule;
