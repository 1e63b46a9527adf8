/**
 * Demo users, three registered systems and two demo requests for the one-command run (off in production).
 * Uses process, register, request, security, system and task.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"process", "register", "request", "security", "system", "task"})
package dk.indkoebsscreening.demo;

import org.springframework.modulith.ApplicationModule;
