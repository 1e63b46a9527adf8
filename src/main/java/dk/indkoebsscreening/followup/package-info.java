/**
 * The follow-up of an approval's conditions ({@code condition_item}, {@code condition_change}): one item per condition
 * the decision bound, with its owner, due date, status, evidence and every change, announced as condition.changed.v1.
 * Its part of the model (SubProcess_ConditionFollowUp) asks {@code ConditionTasks} who fulfils and verifies each one
 * and when, and its delegates record reminders, overdue conditions and the end; its actions (report, verify, send back,
 * waive, hand over) are one rule each for the condition's page and the API, and complete the condition's task.
 * Uses attachment (files as evidence), deadline (working days), decision (the conditions it binds), events, history,
 * process, request, security, system and web.
 */
@ApplicationModule(displayName = "Condition follow-up", allowedDependencies = {"attachment", "deadline", "decision",
        "events", "history", "process", "request", "security", "system", "web"})
package dk.indkoebsscreening.followup;

import org.springframework.modulith.ApplicationModule;
