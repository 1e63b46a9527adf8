/**
 * Demo users and two demo requests for the one-command run (off in production). Uses request, task,
 * security and process.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"process", "request", "security", "task"})
package dk.indkoebsscreening.demo;

import org.springframework.modulith.ApplicationModule;
