/**
 * The demo for the one-command run (off in production): a shared organisation with two municipalities, their users, three registered systems and three requests.
 * Uses municipality, process, register, request, security, system and task.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"municipality", "process", "register", "request", "security", "system", "task"})
package dk.indkoebsscreening.demo;

import org.springframework.modulith.ApplicationModule;
