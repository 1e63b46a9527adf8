/** The SMTP server inside the application for the one-command run and the tests (part of Notifications). */
package dk.indkoebsscreening.notification.smtp;
