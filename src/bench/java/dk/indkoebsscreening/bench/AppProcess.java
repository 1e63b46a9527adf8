package dk.indkoebsscreening.bench;

import dk.indkoebsscreening.IndkoebsscreeningApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, as it runs in production (JVM defaults, as the Dockerfile starts it), so that
 * its CPU time and memory are read from its process and nothing of the benchmark's load generator is counted in them.
 * Its output goes to {@code target/benchmark-<name>.log}.
 */
final class AppProcess implements AutoCloseable {

    /** The heap's parts in {@code GC.heap_info}: G1's (the default), Parallel's or Serial's generations; -1 for others. */
    private static final Pattern HEAP_USED = Pattern.compile(
            "(?m)^\\s*(?:garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation)\\s+total \\d+K, used (\\d+)K");

    private final Process process;
    private final int port;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the application with these settings (as command-line arguments, which win over every application.yml)
     * on a free port and waits until it answers its health check. Its output goes to {@code target/benchmark-<name>.log};
     * {@code classes}, when given, is another build's {@code target/classes}, in place of this build's application
     * classes: two builds side by side.
     */
    static AppProcess start(String name, Map<String, Object> properties, String jvmArgs, Path classes)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmArgs.isBlank()) {
            command.addAll(Arrays.asList(jvmArgs.trim().split("\\s+")));
        }
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(List.of("-cp", classPathJar(name, classes).toString(), IndkoebsscreeningApplication.class.getName()));
        command.add("--server.port=" + port);
        properties.forEach((property, value) -> command.add("--" + property + "=" + value));
        Path log = Path.of("target", "benchmark-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, port);
        app.awaitHealthy(Duration.ofMinutes(4), log);
        return app;
    }

    /**
     * The test JVM's class path (the application with the benchmark's set-up) in a jar's manifest, as surefire starts the
     * tests: given as directories on the command line, the engine's search for process models finds each model twice.
     */
    private static Path classPathJar(String name, Path classes) throws IOException {
        Path ownClasses = Path.of("target", "classes").toRealPath();
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            boolean own = Files.exists(path) && path.toRealPath().equals(ownClasses);
            entries.add(own && classes != null ? classes.toRealPath() : path);
        }
        if (classes != null && !entries.contains(classes.toRealPath())) {
            throw new IllegalStateException("This build's classes (" + ownClasses + ") are not on the class path to replace by " + classes);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries.stream().map(entry -> entry.toUri().toString())
                .collect(Collectors.joining(" ")));
        Path jar = Path.of("target", "benchmark-" + name + "-classpath.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the application's process has used, user and system, in milliseconds. */
    long cpuMillis() {
        return BenchmarkSupport.processCpuMillis(process.pid());
    }

    /** Resident memory of the application's process, in MiB. */
    double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heap in use right after a full collection (what the application keeps), in MiB, by {@code jcmd}. */
    double heapAfterGcMiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? kib / 1024.0 : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(1, TimeUnit.MINUTES);
        return output;
    }

    private void awaitHealthy(Duration patience, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The application did not start within " + patience + "; see " + log.toAbsolutePath());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
