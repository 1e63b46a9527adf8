/**
 * The system register ("Systemoversigt", {@code registered_system}): the IT systems the municipality has, from
 * every approved decision, an import of a KITOS export and the coordinators' own entries; and the duplicate check
 * that shows a requester and the coordinator the registered systems and earlier requests like a new one. Uses
 * decision (the approvals it registers), process (verdicts), request, security, system and web.
 */
@ApplicationModule(displayName = "System register", allowedDependencies = {"decision", "process", "request", "security", "system", "web"})
package dk.indkoebsscreening.register;

import org.springframework.modulith.ApplicationModule;
