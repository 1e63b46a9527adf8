/**
 * The system register ("Systemoversigt", {@code registered_system}): the IT systems the municipality has, from
 * every approved decision, an import of a KITOS export and the coordinators' own entries; and the duplicate check
 * that shows a requester and the coordinator the registered systems and earlier requests like a new one; each system's
 * contract and owner, and its renewal ({@code bpmn/SystemRenewalProcess.bpmn}: the task, {@code renewal.due.v1}, the
 * renewals due). Uses decision (the approvals it registers), deadline (the municipality's time of day and zone),
 * events, process (verdicts, the renewal's names), request, security, system and web.
 */
@ApplicationModule(displayName = "System register", allowedDependencies = {"deadline", "decision", "events", "process", "request", "security", "system", "web"})
package dk.indkoebsscreening.register;

import org.springframework.modulith.ApplicationModule;
