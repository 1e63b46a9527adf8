/**
 * What every page shares: the layout's model, Danish formats, choices, field errors, the error pages (also the
 * "midlertidigt utilgængelig" answer while the database is away) and the login page. Uses security, deadline
 * (the municipality's time zone) and system.
 */
@ApplicationModule(displayName = "Web UI kit", allowedDependencies = {"deadline", "security", "system"})
package dk.indkoebsscreening.web;

import org.springframework.modulith.ApplicationModule;
