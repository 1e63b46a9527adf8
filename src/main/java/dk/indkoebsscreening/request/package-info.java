/**
 * Submitting a purchase request: the form and the API call, numbering, the request's table
 * ({@code purchase_request}, its recommendation included), its proposed scope, its event, its process and the form's files,
 * made once. Uses attachment, deadline, events, history, process, scope, security (who
 * asks for the duplicate check), system and web.
 */
@ApplicationModule(displayName = "Request submission", allowedDependencies = {"attachment", "deadline", "events", "history", "process", "scope", "security", "system", "web"})
package dk.indkoebsscreening.request;

import org.springframework.modulith.ApplicationModule;
