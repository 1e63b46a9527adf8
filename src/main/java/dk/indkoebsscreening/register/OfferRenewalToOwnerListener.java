package dk.indkoebsscreening.register;

import dk.indkoebsscreening.process.RenewalProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of {@code Task_ConsiderRenewal}: the system's owner may take it too, besides the coordinators. */
@Component
class OfferRenewalToOwnerListener implements TaskListener {

    private final Renewals renewals;

    OfferRenewalToOwnerListener(Renewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public void notify(DelegateTask task) {
        renewals.ownerOf(RenewalProcess.systemId(task.getExecution())).ifPresent(task::addCandidateUser);
    }
}
