package dk.indkoebsscreening.register;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Test access to the package-private delegate and listener of the renewal model, wired to a (mock) service. */
public final class RegisterDelegates {

    private RegisterDelegates() {
    }

    public static JavaDelegate announceRenewal(Renewals renewals) {
        return new AnnounceRenewalDelegate(renewals);
    }

    public static TaskListener offerRenewalToOwner(Renewals renewals) {
        return new OfferRenewalToOwnerListener(renewals);
    }
}
