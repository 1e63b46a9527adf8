package dk.indkoebsscreening.events.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * from the same jars as a production broker. The one-command local run and the tests use it; it can
 * be stopped and started again on the same port and log directory, which the fault tests rely on.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final Path logDirectory;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param port           client listener port on 127.0.0.1; 0 picks a free one (kept across restarts)
     * @param controllerPort the KRaft controller's port on 127.0.0.1; 0 picks a free one
     * @param logDirectory   where the log is kept; null for a temporary directory removed on close
     */
    public EmbeddedKafkaBroker(int port, int controllerPort, Path logDirectory) {
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = controllerPort == 0 ? freePort() : controllerPort;
        this.deleteOnClose = logDirectory == null;
        this.logDirectory = logDirectory == null ? temporaryDirectory() : logDirectory.toAbsolutePath();
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Formats the log directory on first use, then starts the broker; does nothing when it runs. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
        formatIfNew(config);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        starting.startup();
        server = starting;
    }

    /** Stops the broker and waits until its ports and files are released; the data stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(logDirectory);
        }
    }

    private Properties brokerProperties() {
        Properties properties = new Properties();
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("process.roles", "broker,controller");
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        // One node: internal topics cannot have more replicas than that.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // Like production: topics exist because the application declared them, not because someone wrote to them.
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }

    private void formatIfNew(KafkaConfig config) {
        try {
            Files.createDirectories(logDirectory);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // The events carry the requests' data: no other local user reads (or forges) the broker's log.
                Files.setPosixFilePermissions(logDirectory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDirectory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDirectory, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
