/**
 * The expert group's screening of the areas in scope ({@code area_screening}), the checklists, reminders, the
 * missed deadline and its escalation ({@code escalation}); areas outside the scope are recorded as not relevant.
 * Uses events, history, process, request, scope and system.
 */
@ApplicationModule(displayName = "Screening", allowedDependencies = {"events", "history", "process", "request", "scope", "system"})
package dk.indkoebsscreening.screening;

import org.springframework.modulith.ApplicationModule;
