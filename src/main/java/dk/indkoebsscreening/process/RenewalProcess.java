package dk.indkoebsscreening.process;

/**
 * Every name shared by the code and {@code bpmn/SystemRenewalProcess.bpmn}, a registered system's renewal: its
 * business key is the system's id.
 */
public final class RenewalProcess {

    public static final String PROCESS_KEY = "SystemRenewalProcess";

    private RenewalProcess() {
    }
}
