package dk.indkoebsscreening.vendor;

import java.util.Locale;

/** The language of the vendor's pages and mails, chosen when they are invited. */
public enum VendorLanguage {
    DA(Locale.forLanguageTag("da")),
    EN(Locale.ENGLISH);

    private final Locale locale;

    VendorLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }
}
