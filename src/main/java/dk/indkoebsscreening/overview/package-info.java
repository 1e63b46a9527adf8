/**
 * The coordinators' dashboard: requests by status, screening within the week, time per area, outcomes, and the
 * registered systems' renewals due and the supervisions of data processors overdue or due soon. The figures are
 * counted per municipality, acting for each, and for the shared organisation's administrators, who choose one
 * municipality or all together, across them all. Asks the modules that own the tables. Uses deadline, decision,
 * municipality, process, register, request, screening, security (who may choose), supervision, system and web.
 */
@ApplicationModule(displayName = "Overview", allowedDependencies = {"deadline", "decision", "municipality", "process", "register", "request", "screening", "security", "supervision", "system", "web"})
package dk.indkoebsscreening.overview;

import org.springframework.modulith.ApplicationModule;
