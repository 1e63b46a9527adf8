package dk.indkoebsscreening.triage;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test access to the package-private delegates of the model, wired to a (mock) service. */
public final class TriageDelegates {

    private TriageDelegates() {
    }

    public static JavaDelegate acceptFastTrack(TriageService triage) {
        return new AcceptFastTrackDelegate(triage);
    }
}
