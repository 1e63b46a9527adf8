/**
 * Files attached to a request: stored in PostgreSQL in 1 MiB chunks with their metadata and events in one
 * transaction, typed by content against an allow-list, within size limits, with safe names; a file may be held for
 * one who has not handed it in yet (the vendor's round), counted but unlisted until released or discarded. Who may add or
 * remove a file in which step is decided by the modules above (request form, tasks). Uses events, history,
 * process and system.
 */
@ApplicationModule(displayName = "Attachments", allowedDependencies = {"events", "history", "process", "system"})
package dk.indkoebsscreening.attachment;

import org.springframework.modulith.ApplicationModule;
