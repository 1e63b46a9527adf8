/**
 * The inbox and what every task has in common, as pages and API: claim, release, hand-over, absence with a stand-in,
 * the warning that a group has nobody present before a deadline and a group's temporary stand-in (who gets the group's
 * tasks through this module's own inbox query and checks, not the engine's identity links), and the completion as one
 * engine command; who may add and remove a request's files in which step. Each kind of task is a
 * step ({@code process.TaskStep}) its own module implements with its page fragment; this module finds them through
 * Spring and knows none of them. Uses attachment, the case file, deadline, history, process, request, security,
 * system, triage (the question to the requester from an area's task, the requester's answer to it), vendor (the
 * vendor's questionnaire panel on a screening task, and "Brug svaret" taking an answer into the expert's draft) and web.
 */
@ApplicationModule(displayName = "Tasks", allowedDependencies = {"attachment", "casefile", "deadline", "history", "municipality", "process", "request", "security", "system", "triage", "vendor", "web"})
package dk.indkoebsscreening.task;

import org.springframework.modulith.ApplicationModule;
