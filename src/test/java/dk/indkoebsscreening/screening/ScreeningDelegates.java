package dk.indkoebsscreening.screening;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test access to the package-private delegates of the model, wired to a (mock) service. */
public final class ScreeningDelegates {

    private ScreeningDelegates() {
    }

    public static JavaDelegate startScreening(ScreeningService screening) {
        return new StartScreeningDelegate(screening);
    }

    public static JavaDelegate remindOpenAreas(ScreeningService screening) {
        return new RemindOpenAreasDelegate(screening);
    }

    public static JavaDelegate recordDeadlineMissed(ScreeningService screening) {
        return new RecordDeadlineMissedDelegate(screening);
    }
}
