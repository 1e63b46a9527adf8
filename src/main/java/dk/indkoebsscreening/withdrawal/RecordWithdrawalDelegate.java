package dk.indkoebsscreening.withdrawal;

import dk.indkoebsscreening.process.ScreeningProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordWithdrawal}: the request is withdrawn, by whom and why (the message's variables). */
@Component
class RecordWithdrawalDelegate implements JavaDelegate {

    private final WithdrawalService withdrawals;

    RecordWithdrawalDelegate(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        withdrawals.record(ScreeningProcess.requestId(execution), ScreeningProcess.string(execution, ScreeningProcess.WITHDRAWN_BY),
                ScreeningProcess.string(execution, ScreeningProcess.WITHDRAWAL_REASON));
    }
}
