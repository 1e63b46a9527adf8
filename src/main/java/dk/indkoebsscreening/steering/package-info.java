/**
 * The steering group's report ("Styringsrapport"): for a quarter, a year or a span of days, per department and per
 * area, what came in, was decided and withdrawn, how fast, where requests waited, the decisions against the
 * recommendation, the conditions still open and the approved purchases' value by who pays, the requesters' satisfaction, the systems bought around the screening, each figure drilling down
 * to its requests; as a page with charts, as CSV for Danish Excel and as a tagged PDF for the meeting. Of one
 * municipality, or across the shared organisation's for its administrators. Owns no table: reads the steps' tables
 * read-only in one place (SteeringRows), as the search does. Uses deadline (the working-day calendar), municipality,
 * process (areas, verdicts), register (the systems that came in without a screening), request (who pays), satisfaction (the answers of the period), security, system and web.
 */
@ApplicationModule(displayName = "Steering report", allowedDependencies = {"deadline", "municipality", "process", "register", "request", "satisfaction", "security", "system", "web"})
package dk.indkoebsscreening.steering;

import org.springframework.modulith.ApplicationModule;
