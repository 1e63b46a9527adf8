package dk.indkoebsscreening.followup;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test access to the package-private delegates of the condition follow-up, wired to a (mock) service. */
public final class FollowUpDelegates {

    private FollowUpDelegates() {
    }

    public static JavaDelegate remindConditionOwner(ConditionFollowUp followUp) {
        return new RemindConditionOwnerDelegate(followUp);
    }

    public static JavaDelegate recordConditionOverdue(ConditionFollowUp followUp) {
        return new RecordConditionOverdueDelegate(followUp);
    }

    public static JavaDelegate recordConditionsSettled(ConditionFollowUp followUp) {
        return new RecordConditionsSettledDelegate(followUp);
    }
}
