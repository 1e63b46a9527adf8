/**
 * The transactional outbox and its relay to Kafka (CloudEvents), the event types and their health; the
 * embedded broker for the one-command run. Uses system.
 */
@ApplicationModule(displayName = "Events", allowedDependencies = {"system"})
package dk.indkoebsscreening.events;

import org.springframework.modulith.ApplicationModule;
