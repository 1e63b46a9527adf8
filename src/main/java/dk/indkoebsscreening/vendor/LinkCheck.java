package dk.indkoebsscreening.vendor;

/** What a link's token leads to ({@link VendorLinks#check}). */
public sealed interface LinkCheck {

    /** The invitation, open or submitted (then read-only), not expired. */
    record Valid(VendorInvitation invitation) implements LinkCheck {
    }

    /**
     * @param municipality the municipality's name when the token was known, else null (a guess learns nothing)
     * @param language     the invitation's language when the token was known, else null
     * @param invitedBy    the user id of whom sent the invitation when the token was known, else null
     */
    record Refused(Refusal refusal, String municipality, VendorLanguage language, String invitedBy) implements LinkCheck {

        /** A token that leads to no invitation: nothing of one. */
        public static Refused unknown() {
            return new Refused(Refusal.UNKNOWN, null, null, null);
        }
    }
}
