/**
 * The one-week deadline in Danish working days: holidays, closed days, the reminder one working day before.
 * Uses nothing of ours.
 */
@ApplicationModule(displayName = "Deadline", allowedDependencies = {})
package dk.indkoebsscreening.deadline;

import org.springframework.modulith.ApplicationModule;
