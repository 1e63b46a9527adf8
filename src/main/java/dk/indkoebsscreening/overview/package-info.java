/**
 * The coordinators' dashboard: requests by status, screening within the week, time per area, outcomes.
 * Reads the tables with its own queries. Uses deadline, process, request, system and web.
 */
@ApplicationModule(displayName = "Overview", allowedDependencies = {"deadline", "process", "request", "system", "web"})
package dk.indkoebsscreening.overview;

import org.springframework.modulith.ApplicationModule;
