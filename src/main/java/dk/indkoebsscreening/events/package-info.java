/**
 * The transactional outbox and its relay to Kafka (CloudEvents), the event types and their health; the contract
 * (the payloads' JSON Schemas and the AsyncAPI document), served under {@code /docs/}; the events the broker refuses
 * for good, set aside as dead letters, and the administrators' page and API that re-send them; the embedded broker
 * for the one-command run. Uses municipality (each event's source and id), system and web (the page's frame).
 */
@ApplicationModule(displayName = "Events", allowedDependencies = {"municipality", "system", "web"})
package dk.indkoebsscreening.events;

import org.springframework.modulith.ApplicationModule;
