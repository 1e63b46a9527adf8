/**
 * The expert group's screening of the areas in scope ({@code area_screening}), the checklists, reminders, the
 * missed deadline and its escalation ({@code escalation}); areas outside the scope are recorded as not relevant.
 * The screening and the escalation are task steps with their page fragments ({@code templates/screening}). Uses events,
 * history, process, request, scope, system and web.
 */
@ApplicationModule(displayName = "Screening", allowedDependencies = {"events", "history", "process", "request", "scope", "system", "web"})
package dk.indkoebsscreening.screening;

import org.springframework.modulith.ApplicationModule;
