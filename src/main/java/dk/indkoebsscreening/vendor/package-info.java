/**
 * The vendor's questionnaire by link: invitations of one request's vendor contact in rounds (with follow-up questions
 * from the second), their link tokens (only a hash stored), expiry in working days and revocation, the vendor's answers
 * to the checklist questions marked for them and their documents (held by the attachment module for the round, the request's attachments once submitted), the history
 * of it all, and the facts ({@link dk.indkoebsscreening.vendor.VendorInvited} ...) for events and mails. Tables
 * {@code vendor_invitation}, {@code vendor_link_token}, {@code vendor_answer} and {@code vendor_document}. Uses
 * attachment, deadline, events, history, municipality (its name on the vendor's pages), process, request, screening,
 * security, system and web.
 */
@ApplicationModule(displayName = "Vendor questionnaire",
        allowedDependencies = {"attachment", "deadline", "events", "history", "municipality", "process", "request", "screening", "security", "system", "web"})
package dk.indkoebsscreening.vendor;

import org.springframework.modulith.ApplicationModule;
