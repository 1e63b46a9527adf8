/**
 * The coordinators' dashboard: requests by status, screening within the week, time per area, outcomes, and the
 * registered systems' renewals due. Asks the modules that own the tables. Uses deadline, decision, process, register,
 * request, screening, system and web.
 */
@ApplicationModule(displayName = "Overview", allowedDependencies = {"deadline", "decision", "process", "register", "request", "screening", "system", "web"})
package dk.indkoebsscreening.overview;

import org.springframework.modulith.ApplicationModule;
