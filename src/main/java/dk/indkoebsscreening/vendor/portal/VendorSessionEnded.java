package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.vendor.LinkCheck;

/** The session's invitation no longer stands (expired, revoked, its request closed): the session ends with it. */
class VendorSessionEnded extends RuntimeException {

    private final LinkCheck.Refused refused;

    VendorSessionEnded(LinkCheck.Refused refused) {
        super(refused.refusal().name(), null, false, false);
        this.refused = refused;
    }

    LinkCheck.Refused refused() {
        return refused;
    }
}
