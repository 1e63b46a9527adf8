/**
 * Submitting a purchase request: the form and the API call, numbering, the request's table
 * ({@code purchase_request}, its recommendation included), its event and its process, made once. Uses
 * deadline, events, process, system and web.
 */
@ApplicationModule(displayName = "Request submission", allowedDependencies = {"deadline", "events", "process", "system", "web"})
package dk.indkoebsscreening.request;

import org.springframework.modulith.ApplicationModule;
