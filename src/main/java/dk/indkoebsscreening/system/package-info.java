/**
 * Infrastructure every module may use: the municipalities' scope ({@code Tenancy}) and the data source and web filter
 * that carry it to the database's row-level security ({@code TenantDataSource}, {@code TenantReach}), the embedded
 * PostgreSQL and its application role, whether it can be reached (DatabaseOutage,
 * health "db", quiet scheduled tasks meanwhile), strict JSON binding ({@code FormBinder},
 * {@code @PlainText}), the input, not-found and conflict exceptions and the JSON API's problems (RFC 9457). It
 * knows no feature.
 */
@ApplicationModule(displayName = "System", allowedDependencies = {})
package dk.indkoebsscreening.system;

import org.springframework.modulith.ApplicationModule;
