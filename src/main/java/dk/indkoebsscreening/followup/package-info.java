/**
 * The follow-up of an approval's conditions ({@code condition_item}, {@code condition_change}): one item per condition
 * the decision bound, with its owner, due date, status, evidence and every change, announced as condition.changed.v1.
 * Uses decision (the conditions it binds), events, history, process, request, security, system and web.
 */
@ApplicationModule(displayName = "Condition follow-up",
        allowedDependencies = {"decision", "events", "history", "process", "request", "security", "system", "web"})
package dk.indkoebsscreening.followup;

import org.springframework.modulith.ApplicationModule;
