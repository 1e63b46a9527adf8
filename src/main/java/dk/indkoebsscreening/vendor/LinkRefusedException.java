package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.system.ConflictException;
import java.util.UUID;

/**
 * No link is minted for a round that has ended (revoked, expired, its request closed): a mail still waiting to go out
 * for it is one not to send ({@link VendorLinks#mint}).
 */
public class LinkRefusedException extends ConflictException {

    private final transient Refusal refusal;

    LinkRefusedException(UUID invitationId, Refusal refusal) {
        super("No link for vendor invitation " + invitationId + ": " + refusal, "error.vendor.ended");
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
