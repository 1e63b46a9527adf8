package dk.indkoebsscreening.faults;

import dk.indkoebsscreening.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.yaml.snakeyaml.Yaml;

/**
 * Load generator for the fault scenarios: drives full lifecycles (submit, triage, six approvals,
 * decision) over HTTP against one or more application instances, and keeps going while an instance
 * is down. Not a test: run by bench/faults/*.sh.
 *
 * <p>A request counts as submitted only when the POST was answered 201 (acknowledged). A POST that
 * failed with a connection error was never acknowledged and is counted separately (submit-unacknowledged);
 * like a requester, the client submits again a second later. A later step whose
 * POST failed is retried once the application answers again; if its task is gone by then, the step
 * had committed before the crash. At the end every acknowledged request is read back through the API
 * (is it there, was it decided) and the result is written to the output file for FaultCheck.
 *
 * <p>Arguments (name=value): ports=18081[,18082] lifecycles=30 clients=3 spread-seconds=90
 * max-seconds=300 out=target/faults/x/load.txt. Lifecycle k starts no earlier than
 * k * spread-seconds / lifecycles after the start, so the load lasts through the fault.
 */
public final class FaultLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> AREAS =
            List.of("SECURITY", "USER_MANAGEMENT", "SUPPORT", "CONTRACT", "INSTALLATION", "IMPLEMENTATION");
    private static final List<String> EXPERTS =
            List.of("sikkerhed", "brugerstyring", "support", "kontrakt", "installation", "implementering");
    private static final String COORDINATOR = "koordinator";
    private static final String REQUESTER = "anna";

    private final List<Integer> ports;
    private final long deadlineNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Map<String, String>> checklists;

    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger submitUnacknowledged = new AtomicInteger();
    private final AtomicInteger decidedAcknowledged = new AtomicInteger();
    private final AtomicInteger stepsUnknownOutcome = new AtomicInteger();
    private final AtomicInteger incomplete = new AtomicInteger();
    private final AtomicLong connectionErrors = new AtomicLong();
    /** 5xx other than 503: what users must never see. */
    private final AtomicLong serverErrors = new AtomicLong();
    /** 503 "try again in a moment" (the database away): the client waits a second and tries again. */
    private final AtomicLong unavailable = new AtomicLong();
    private final Map<String, Integer> requestPort = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> perPort = new ConcurrentHashMap<>();

    private FaultLoad(List<Integer> ports, long deadlineNanos) throws IOException {
        this.ports = ports;
        this.deadlineNanos = deadlineNanos;
        this.checklists = loadChecklists();
        ports.forEach(port -> perPort.put(port, new AtomicInteger()));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        List<Integer> ports = new ArrayList<>();
        for (String port : args.getOrDefault("ports", "8080").split(",")) {
            ports.add(Integer.parseInt(port.trim()));
        }
        int lifecycles = Integer.parseInt(args.getOrDefault("lifecycles", "30"));
        int clients = Integer.parseInt(args.getOrDefault("clients", "3"));
        double spreadSeconds = Double.parseDouble(args.getOrDefault("spread-seconds", "0"));
        long maxSeconds = Long.parseLong(args.getOrDefault("max-seconds", "300"));
        Path out = Path.of(args.getOrDefault("out", "load.txt"));

        long start = System.nanoTime();
        FaultLoad load = new FaultLoad(ports, start + TimeUnit.SECONDS.toNanos(maxSeconds));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int k;
                while ((k = next.getAndIncrement()) < lifecycles && !load.pastDeadline()) {
                    long slot = start + (long) (k * spreadSeconds * 1e9 / lifecycles);
                    long wait = slot - System.nanoTime();
                    if (wait > 0) {
                        sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                    }
                    load.lifecycle(k);
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(maxSeconds + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        load.writeResults(out, lifecycles, (System.nanoTime() - start) / 1e9);
    }

    private boolean pastDeadline() {
        return System.nanoTime() > deadlineNanos;
    }

    /** One lifecycle; gives up (counted as incomplete) only at the deadline or on an unexpected answer. */
    private void lifecycle(int k) {
        int port = ports.get(k % ports.size());
        String requestId = null;
        while (requestId == null) {
            if (pastDeadline()) {
                incomplete.incrementAndGet();
                return;
            }
            try {
                Reply reply = post(port, REQUESTER, "/api/requests", ApiClient.validRequest("Fejltest " + k));
                if (reply.status == 503) {
                    // Not taken: the requester is told to try again in a moment and does.
                    unavailable.incrementAndGet();
                    submitUnacknowledged.incrementAndGet();
                    sleep(1000);
                    continue;
                }
                if (reply.status != 201) {
                    System.err.println("submit " + k + ": HTTP " + reply.status + " " + reply.body);
                    incomplete.incrementAndGet();
                    return;
                }
                requestId = reply.body.get("id").asText();
            } catch (IOException e) {
                // Never acknowledged: the requester sees an error and submits again a little later.
                connectionErrors.incrementAndGet();
                submitUnacknowledged.incrementAndGet();
                sleep(1000);
            }
        }
        submitted.incrementAndGet();
        perPort.get(port).incrementAndGet();
        requestPort.put(requestId, port);
        try {
            step(k, requestId, COORDINATOR, "TRIAGE", Map.of("outcome", "ACCEPT"));
            for (int a = 0; a < AREAS.size(); a++) {
                // Spread the steps of one lifecycle over the instances too.
                step(k + a + 1, requestId, EXPERTS.get(a), "SCREENING", screening(AREAS.get(a)));
            }
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("outcome", "APPROVED");
            decision.put("reason", null);
            if (step(k + 7, requestId, COORDINATOR, "DECISION", decision)) {
                decidedAcknowledged.incrementAndGet();
            }
        } catch (RuntimeException e) {
            System.err.println("lifecycle " + k + " (" + requestId + ") incomplete: " + e.getMessage());
            incomplete.incrementAndGet();
        }
    }

    /**
     * Completes the user's open task of this type on the request; retries through connection errors.
     * Answers true if the completion was acknowledged (204), false if its POST failed and the task was
     * gone afterwards (it had committed, the answer was lost).
     */
    private boolean step(int k, String requestId, String user, String type, Object body) {
        boolean outcomeUnknown = false;
        long notFoundSinceNanos = -1;
        int attempt = 0;
        while (!pastDeadline()) {
            int port = ports.get((k + attempt++) % ports.size());
            String taskId;
            try {
                taskId = findTask(port, user, requestId, type);
            } catch (IOException e) {
                if (!(e instanceof Unavailable)) {
                    connectionErrors.incrementAndGet();
                }
                notFoundSinceNanos = -1;
                sleep(500);
                continue;
            }
            if (taskId == null) {
                long now = System.nanoTime();
                if (notFoundSinceNanos < 0) {
                    notFoundSinceNanos = now;
                }
                if (outcomeUnknown && now - notFoundSinceNanos > TimeUnit.SECONDS.toNanos(10)) {
                    stepsUnknownOutcome.incrementAndGet();
                    return false;
                }
                if (now - notFoundSinceNanos > TimeUnit.SECONDS.toNanos(150)) {
                    throw new IllegalStateException(type + " task for " + user + " never appeared");
                }
                sleep(100);
                continue;
            }
            notFoundSinceNanos = -1;
            try {
                Reply reply = post(port, user, "/api/tasks/" + taskId + "/complete", body);
                if (reply.status == 204) {
                    return true;
                }
                countFailure(reply.status);
                // 404/409: completed by our earlier attempt whose answer was lost, or a transient error: look again.
                System.err.println(type + " " + requestId + " as " + user + ": HTTP " + reply.status + " " + reply.body);
                sleep(200);
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
                outcomeUnknown = true;
                sleep(500);
            }
        }
        throw new IllegalStateException("deadline reached at " + type + " for " + user);
    }

    /** The application answered 503: it is there, its database is not. */
    private static final class Unavailable extends IOException {
    }

    private void countFailure(int status) {
        if (status == 503) {
            unavailable.incrementAndGet();
        } else if (status >= 500) {
            serverErrors.incrementAndGet();
        }
    }

    private String findTask(int port, String user, String requestId, String type) throws IOException {
        Reply reply = get(port, user, "/api/tasks");
        if (reply.status == 503) {
            unavailable.incrementAndGet();
            throw new Unavailable();
        }
        if (reply.status != 200) {
            countFailure(reply.status);
            throw new IOException("tasks: HTTP " + reply.status);
        }
        for (JsonNode task : reply.body) {
            if (task.get("requestId").asText().equals(requestId) && task.get("type").asText().equals(type)) {
                return task.get("id").asText();
            }
        }
        return null;
    }

    /** Reads every acknowledged request back through the API (retrying while instances come up). */
    private void writeResults(Path out, int lifecycles, double seconds) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        int decidedViaApi = 0;
        int missingViaApi = 0;
        long readBackDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (Map.Entry<String, Integer> entry : requestPort.entrySet()) {
                JsonNode details = null;
                int status = -1;
                while (System.nanoTime() < readBackDeadline) {
                    try {
                        Reply reply = get(entry.getValue(), COORDINATOR, "/api/requests/" + entry.getKey());
                        status = reply.status;
                        details = reply.status == 200 ? reply.body : null;
                        break;
                    } catch (IOException e) {
                        sleep(500);
                    }
                }
                boolean decided = details != null && details.hasNonNull("decision");
                if (details == null) {
                    missingViaApi++;
                }
                if (decided) {
                    decidedViaApi++;
                }
                writer.println("request " + entry.getKey() + " found=" + (details != null) + " status=" + status
                        + " decided=" + decided);
            }
            writer.println("summary lifecycles-planned=" + lifecycles
                    + " submitted-acknowledged=" + submitted.get()
                    + " submit-unacknowledged=" + submitUnacknowledged.get()
                    + " decisions-acknowledged=" + decidedAcknowledged.get()
                    + " decisions-via-api=" + decidedViaApi
                    + " acknowledged-missing-via-api=" + missingViaApi
                    + " steps-answer-lost-but-committed=" + stepsUnknownOutcome.get()
                    + " incomplete=" + incomplete.get()
                    + " connection-errors=" + connectionErrors.get()
                    + " server-errors=" + serverErrors.get()
                    + " unavailable-503=" + unavailable.get()
                    + " per-port=" + perPort
                    + String.format(" seconds=%.1f", seconds));
        }
        System.out.println("load: " + Files.readAllLines(out).get(Files.readAllLines(out).size() - 1));
    }

    // --- HTTP ---

    private record Reply(int status, JsonNode body) {
    }

    private Reply get(int port, String user, String path) throws IOException {
        return send(port, user, path, null);
    }

    private Reply post(int port, String user, String path, Object body) throws IOException {
        return send(port, user, path, JSON.writeValueAsBytes(body));
    }

    private Reply send(int port, String user, String path, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Accept-Language", "da");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode json = null;
            if (bytes.length > 0 && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = JSON.readTree(bytes);
            }
            return new Reply(response.statusCode(), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // --- bodies ---

    private Map<String, Object> screening(String area) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdict", "APPROVED");
        body.put("findings", "Gennemgået af fagområdet.");
        body.put("conditions", List.of());
        body.put("checklist", checklists.get(area));
        return body;
    }

    /** Every question of each area's checklist answered with its first option (or a text), from checklists.yml. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> loadChecklists() throws IOException {
        try (InputStream in = FaultLoad.class.getResourceAsStream("/checklists.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> areas = (Map<String, Object>) ((Map<String, Object>) root.get("indkoeb")).get("checklists");
            Map<String, Map<String, String>> answers = new LinkedHashMap<>();
            for (String area : AREAS) {
                Map<String, String> answer = new LinkedHashMap<>();
                for (Map<String, Object> question : (List<Map<String, Object>>) areas.get(area)) {
                    List<Object> options = (List<Object>) question.get("options");
                    answer.put((String) question.get("id"), options == null || options.isEmpty()
                            ? "Leverandøren, med servicedesk som første linje" : String.valueOf(options.get(0)));
                }
                answers.put(area, answer);
            }
            return answers;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
