package dk.indkoebsscreening.notification;

import java.util.ArrayList;
import java.util.List;

/**
 * What a mail says, in the order it says it; the templates {@code mail/notification.html} and
 * {@code mail/notification.txt} lay it out as HTML and as plain text.
 *
 * @param quote     someone's own words (a question, an answer, a reason), shown as a quotation; or null
 * @param facts     label and value lines about the request
 * @param sections  headed lists (e.g. the conditions, the next steps), in order; none that is empty
 * @param footer    why the person gets the mail and whether they can turn it off
 */
record MailContent(String subject, String greeting, List<String> paragraphs, String quote, List<Fact> facts,
                   List<Section> sections, String actionText, String actionUrl, String footer) {

    record Fact(String label, String value) {
    }

    record Section(String title, List<String> items) {
    }

    static Builder about(String subject) {
        return new Builder(subject);
    }

    static final class Builder {
        private final String subject;
        private String greeting;
        private final List<String> paragraphs = new ArrayList<>();
        private String quote;
        private final List<Fact> facts = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private String actionText;
        private String actionUrl;
        private String footer;

        private Builder(String subject) {
            this.subject = subject;
        }

        Builder greeting(String text) {
            greeting = text;
            return this;
        }

        /** Adds a paragraph; null adds none. */
        Builder paragraph(String text) {
            if (text != null) {
                paragraphs.add(text);
            }
            return this;
        }

        Builder quote(String text) {
            quote = text;
            return this;
        }

        Builder fact(String label, String value) {
            facts.add(new Fact(label, value));
            return this;
        }

        /** Adds a headed list; an empty one adds nothing. */
        Builder list(String title, List<String> items) {
            if (!items.isEmpty()) {
                sections.add(new Section(title, List.copyOf(items)));
            }
            return this;
        }

        Builder action(String text, String url) {
            actionText = text;
            actionUrl = url;
            return this;
        }

        Builder footer(String text) {
            footer = text;
            return this;
        }

        MailContent build() {
            return new MailContent(subject, greeting, List.copyOf(paragraphs), quote, List.copyOf(facts), List.copyOf(sections),
                    actionText, actionUrl, footer);
        }
    }
}
