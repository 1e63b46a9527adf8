/**
 * The inbox and the task steps (claim, release, complete) of experts, coordinators and requesters, as
 * pages and API, each step validated by its module and completed as one engine command; who may add and
 * remove a request's files in which step. Uses the case
 * file, the steps' modules, process, security, system and web.
 */
@ApplicationModule(displayName = "Tasks", allowedDependencies = {"attachment", "casefile", "deadline", "decision", "history", "process", "request", "scope", "screening", "security", "system", "triage", "web"})
package dk.indkoebsscreening.task;

import org.springframework.modulith.ApplicationModule;
