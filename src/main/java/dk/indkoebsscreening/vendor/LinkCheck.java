package dk.indkoebsscreening.vendor;

/** What a link's token leads to ({@link VendorLinks#check}). */
public sealed interface LinkCheck {

    /** The invitation, open or submitted (then read-only), not expired. */
    record Valid(VendorInvitation invitation) implements LinkCheck {
    }

    /** @param municipality the municipality's name when the token was known, else null (a guess learns nothing) */
    record Refused(Refusal refusal, String municipality) implements LinkCheck {
    }
}
