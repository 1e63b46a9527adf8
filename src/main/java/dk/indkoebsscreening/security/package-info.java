/**
 * Who may do what: logins (form, HTTP Basic, OpenID Connect) and their throttle, the filter chains, the
 * expression guard in front of Camunda's APIs, security headers, groups and the current user, and the question which
 * groups a user stands in for today ({@link dk.indkoebsscreening.security.StandInGroups}, answered by the task module).
 * Uses process (areas for the groups, the engine gate) and system.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"process", "system"})
package dk.indkoebsscreening.security;

import org.springframework.modulith.ApplicationModule;
