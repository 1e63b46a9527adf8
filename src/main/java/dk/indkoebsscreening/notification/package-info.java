/**
 * E-mail to the people a step needs: what each step's fact means for whom ({@code Notifications}), the mail
 * outbox ({@code mail_outbox}) written in the step's transaction and sent after the commit with retries, the
 * recipients' addresses and their choice of mails ({@code mail_preference}), the settings page, the
 * administrators' view of the mail sent, and the SMTP server inside the application for the one-command run.
 * The sender and the group mailboxes are the municipality's (its settings), the sender kept with each mail.
 * Uses the steps' modules (their facts and the request), satisfaction (its survey's question and reminder), register (a system's renewal), supervision (the data processors' supervisions), vendor (the vendor's invitations, reminders and answers; the vendor's link minted as a mail is sent), security (people and groups), municipality, process, web and system.
 */
@ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"decision", "followup", "history", "municipality", "process", "register", "request", "satisfaction", "scope", "screening", "security", "supervision", "system", "task", "triage", "vendor", "web", "withdrawal"})
package dk.indkoebsscreening.notification;

import org.springframework.modulith.ApplicationModule;
