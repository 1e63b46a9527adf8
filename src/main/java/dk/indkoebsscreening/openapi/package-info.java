/**
 * The JSON API's OpenAPI document ({@code /v3/api-docs}, committed as {@code docs/openapi.yaml}) and Swagger UI: what
 * the controllers' code and annotations do not say themselves, the bodies bound with {@code system.BindsTo}, the
 * authentication and the one error shape ({@code Problem}). Uses system.
 */
@ApplicationModule(displayName = "OpenAPI document", allowedDependencies = {"system"})
package dk.indkoebsscreening.openapi;

import org.springframework.modulith.ApplicationModule;
