/**
 * The inbox and the task steps (claim, release, complete) of experts, coordinators and requesters, as
 * pages and API, each step validated by its module and completed as one engine command. Uses the case
 * file, the steps' modules, process, security, system and web.
 */
@ApplicationModule(displayName = "Tasks", allowedDependencies = {"casefile", "decision", "process", "request", "screening", "security", "system", "triage", "web"})
package dk.indkoebsscreening.task;

import org.springframework.modulith.ApplicationModule;
