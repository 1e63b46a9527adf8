package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.vendor.Refusal;
import dk.indkoebsscreening.vendor.VendorLinks;

/** The session's invitation no longer stands (expired, revoked, its request closed): the session ends with it. */
class VendorSessionEnded extends RuntimeException {

    private final Refusal refusal;
    private final String municipality;

    VendorSessionEnded(Refusal refusal, String municipality) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
        this.municipality = municipality;
    }

    Refusal refusal() {
        return refusal;
    }

    String municipality() {
        return municipality;
    }
}
