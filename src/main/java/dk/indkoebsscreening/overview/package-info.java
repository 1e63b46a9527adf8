/**
 * The coordinators' dashboard: requests by status, screening within the week, time per area, outcomes.
 * Asks the modules that own the tables. Uses deadline, decision, process, request, screening, system and web.
 */
@ApplicationModule(displayName = "Overview", allowedDependencies = {"deadline", "decision", "process", "request", "screening", "system", "web"})
package dk.indkoebsscreening.overview;

import org.springframework.modulith.ApplicationModule;
