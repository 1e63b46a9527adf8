/**
 * The expert group's screening of the six areas ({@code area_screening}), the checklists, reminders, the
 * missed deadline and its escalation ({@code escalation}). Uses request, events, process and system.
 */
@ApplicationModule(displayName = "Screening", allowedDependencies = {"events", "history", "process", "request", "system"})
package dk.indkoebsscreening.screening;

import org.springframework.modulith.ApplicationModule;
