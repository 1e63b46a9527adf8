package dk.indkoebsscreening.register;

import dk.indkoebsscreening.process.RenewalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_AnnounceRenewal}: the lead time before the notice deadline. */
@Component
class AnnounceRenewalDelegate implements JavaDelegate {

    private final Renewals renewals;

    AnnounceRenewalDelegate(Renewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewals.announce(RenewalProcess.systemId(execution));
    }
}
