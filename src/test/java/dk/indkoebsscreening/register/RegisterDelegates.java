package dk.indkoebsscreening.register;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test access to the package-private delegate of the renewal model, wired to a (mock) service. */
public final class RegisterDelegates {

    private RegisterDelegates() {
    }

    public static JavaDelegate announceRenewal(Renewals renewals) {
        return new AnnounceRenewalDelegate(renewals);
    }
}
