package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Every member of a group is away on the same days, before the deadline of an open task of the group, and no stand-in
 * covers them; published once per group and period, in the check's transaction, for the coordinators' mail.
 *
 * @param area         the group's area, null for the coordinators
 * @param firstRequest the request of the task due first (the mail is about it); null if only systems' tasks wait
 * @param openTasks    how many of the group's open tasks are due on or after the first day away
 */
public record GroupLeftUncovered(Area area, String group, LocalDate from, LocalDate to, UUID firstRequest, Instant firstDue,
                                 int openTasks) {
}
