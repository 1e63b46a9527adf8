/**
 * What every page shares: the layout's model, Danish formats, choices, field errors, the error pages (also the
 * "midlertidigt utilgængelig" answer while the database is away), the login page, and the input boundary every
 * request of every door passes first. Uses security, deadline
 * (the municipality's time zone) and system.
 */
@ApplicationModule(displayName = "Web UI kit", allowedDependencies = {"deadline", "security", "system"})
package dk.indkoebsscreening.web;

import org.springframework.modulith.ApplicationModule;
