package dk.indkoebsscreening.faults;

import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The application's real KRaft broker (the same class the one-command run embeds) as a process of its
 * own, so the fault scenarios can kill it with SIGKILL and start it again on the same ports and log
 * directory. Not a test: run by bench/faults/*.sh.
 *
 * <p>Arguments: {@code <port> <controllerPort> <logDirectory>}.
 */
public final class FaultBroker {

    private FaultBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Path.of(args[2]));
        broker.start();
        System.out.println("BROKER READY " + broker.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        new CountDownLatch(1).await();
    }
}
