/**
 * The recommendation table's result and the coordinator's decision ({@code decision}), published as an
 * event. Uses request, screening, events, process and system.
 */
@ApplicationModule(displayName = "Decision", allowedDependencies = {"attachment", "events", "history", "process", "request", "screening", "security", "system"})
package dk.indkoebsscreening.decision;

import org.springframework.modulith.ApplicationModule;
