package dk.indkoebsscreening.withdrawal;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test access to the package-private delegate of the model's withdrawal, wired to a (mock) service. */
public final class WithdrawalDelegates {

    private WithdrawalDelegates() {
    }

    public static JavaDelegate recordWithdrawal(WithdrawalService withdrawals) {
        return new RecordWithdrawalDelegate(withdrawals);
    }
}
