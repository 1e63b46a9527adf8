/**
 * A purchase request and its lifecycle: the form and the API call, numbering, the request's table
 * ({@code purchase_request}, its recommendation included: other modules' Java reads it through {@link
 * dk.indkoebsscreening.request.Requests}, and only three read-only SQL joins of theirs read it directly, where a call
 * per row would cost the search, the dashboard and the register page a query each), its proposed scope, its event, its process and the form's files, made
 * once; the search's words of each request ({@code request_words}, kept from the request's row by a trigger, read by
 * the search and the duplicate check only joined to {@code purchase_request}; and each request's words a row each,
 * {@code request_word}, kept from those by a trigger, which the search asks whether a word is spelt so); the author's drafts of the form ({@code request_draft}), which have none of these; the transitions of its
 * status ({@link dk.indkoebsscreening.request.Transition}), which only {@link
 * dk.indkoebsscreening.request.RequestLifecycle} writes; the periods it waits for its requester ({@code requester_wait},
 * {@link dk.indkoebsscreening.request.RequesterWaits}); and the one rule for who may read a request. Uses
 * attachment, deadline, events, history, process, scope, security (who asks: for the duplicate check, to read a
 * request), system and web.
 */
@ApplicationModule(displayName = "Request submission", allowedDependencies = {"attachment", "deadline", "events", "history", "process", "scope", "security", "system", "web"})
package dk.indkoebsscreening.request;

import org.springframework.modulith.ApplicationModule;
