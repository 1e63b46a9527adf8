package dk.indkoebsscreening.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault scenarios' judge: a separate Kafka consumer that reads both topics from the beginning,
 * deduplicates by {@code ce_id}, and compares what arrived with the ground truth, the committed rows
 * of {@code outbox_event}, and with what the load generator saw acknowledged (its output file), and checks that
 * each request's events arrived in the order they were committed. Not a test: run by bench/faults/*.sh. Exits 1
 * if anything is lost or out of order.
 *
 * <p>Arguments (name=value): jdbc=jdbc:postgresql://127.0.0.1:P/indkoeb user=postgres
 * bootstrap=127.0.0.1:P load=.../load.txt wait-seconds=120 [name=scenario].
 */
public final class FaultCheck {

    private static final String LIFECYCLE = "procurement.request-lifecycle.v1";
    private static final String DECISIONS = "procurement.decisions.v1";
    private static final String DECISION_TYPE = "dk.indkoebsscreening.decision.made.v1";

    private record OutboxRow(String id, String requestId, String type, boolean published) {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        long waitNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args.getOrDefault("wait-seconds", "120")));
        long giveUpAt = System.nanoTime() + waitNanos;

        // 1. Ground truth: the committed outbox. Wait (bounded) until the relay has drained it.
        List<OutboxRow> outbox;
        long unpublished;
        while (true) {
            outbox = args.containsKey("jdbc") ? readOutbox(args.get("jdbc"), args.getOrDefault("user", "postgres")) : List.of();
            if (!args.containsKey("jdbc")) {
                unpublished = 0;
                break;
            }
            outbox = readOutbox(args.get("jdbc"), args.getOrDefault("user", "postgres"));
            unpublished = outbox.stream().filter(row -> !row.published()).count();
            if (unpublished == 0 || System.nanoTime() > giveUpAt) {
                break;
            }
            Thread.sleep(1000);
        }

        // 2. What arrived: both topics from the beginning, until every outbox id is seen or the time is up.
        Map<String, Map<String, Integer>> seen = new HashMap<>();
        seen.put(LIFECYCLE, new HashMap<>());
        seen.put(DECISIONS, new HashMap<>());
        Map<String, String> decisionKeyById = new HashMap<>();
        // Per request (the record key, so one partition): its events' ids in the order of their first copy on the topic.
        Map<String, List<String>> deliveredOrder = new HashMap<>();
        Set<String> expectedLifecycle = new HashSet<>();
        Set<String> expectedDecisions = new HashSet<>();
        for (OutboxRow row : outbox) {
            expectedLifecycle.add(row.id());
            if (row.type().equals(DECISION_TYPE)) {
                expectedDecisions.add(row.id());
            }
        }
        long records = 0;
        java.io.PrintWriter dump = args.containsKey("dump")
                ? new java.io.PrintWriter(Files.newBufferedWriter(Path.of(args.get("dump")))) : null;
        try (KafkaConsumer<String, byte[]> consumer = consumer(args.get("bootstrap"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(LIFECYCLE, DECISIONS)) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (System.nanoTime() < giveUpAt) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    Header header = record.headers().lastHeader("ce_id");
                    String id = header == null ? "<no ce_id>" : new String(header.value(), StandardCharsets.UTF_8);
                    if (record.topic().equals(LIFECYCLE) && !seen.get(LIFECYCLE).containsKey(id)) {
                        deliveredOrder.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(id);
                    }
                    seen.get(record.topic()).merge(id, 1, Integer::sum);
                    if (dump != null) {
                        dump.println(record.topic() + " " + record.partition() + " " + record.offset() + " "
                                + record.timestamp() + " " + id + " " + record.key());
                    }
                    if (record.topic().equals(DECISIONS)) {
                        decisionKeyById.put(id, record.key());
                    }
                }
                boolean atEnd = true;
                for (TopicPartition partition : partitions) {
                    atEnd &= consumer.position(partition) >= end.get(partition);
                }
                if (atEnd && seen.get(LIFECYCLE).keySet().containsAll(expectedLifecycle)
                        && seen.get(DECISIONS).keySet().containsAll(expectedDecisions)) {
                    break;
                }
                if (atEnd) {
                    end = consumer.endOffsets(partitions);
                }
            }
        }

        if (dump != null) {
            dump.close();
        }

        // 3. The load generator's view: acknowledged requests and the decisions the API shows.
        Set<String> acknowledged = new HashSet<>();
        Set<String> decidedViaApi = new HashSet<>();
        String loadSummary = "";
        Path loadFile = Path.of(args.getOrDefault("load", "load.txt"));
        if (Files.exists(loadFile)) {
            for (String line : Files.readAllLines(loadFile)) {
                if (line.startsWith("request ")) {
                    String[] parts = line.split(" ");
                    acknowledged.add(parts[1]);
                    if (line.contains("decided=true")) {
                        decidedViaApi.add(parts[1]);
                    }
                } else if (line.startsWith("summary ")) {
                    loadSummary = line.substring("summary ".length());
                }
            }
        }
        Set<String> submittedInOutbox = new HashSet<>();
        Set<String> decidedInOutbox = new HashSet<>();
        for (OutboxRow row : outbox) {
            if (row.type().endsWith("request.submitted.v1")) {
                submittedInOutbox.add(row.requestId());
            }
            if (row.type().equals(DECISION_TYPE)) {
                decidedInOutbox.add(row.requestId());
            }
        }
        Set<String> decidedOnKafka = new HashSet<>(decisionKeyById.values());

        long lostLifecycle = expectedLifecycle.stream().filter(id -> !seen.get(LIFECYCLE).containsKey(id)).count();
        long lostDecisions = expectedDecisions.stream().filter(id -> !seen.get(DECISIONS).containsKey(id)).count();
        long ackedNotInOutbox = acknowledged.stream().filter(id -> !submittedInOutbox.contains(id)).count();
        long apiDecisionNotOnKafka = decidedViaApi.stream().filter(id -> !decidedOnKafka.contains(id)).count();
        long apiDecisionNotInOutbox = decidedViaApi.stream().filter(id -> !decidedInOutbox.contains(id)).count();
        long unknownOnKafka = seen.get(LIFECYCLE).keySet().stream().filter(id -> !expectedLifecycle.contains(id)).count();
        long lost = lostLifecycle + lostDecisions + ackedNotInOutbox + apiDecisionNotOnKafka + apiDecisionNotInOutbox;

        Map<String, List<String>> committedOrder = new HashMap<>();
        for (OutboxRow row : outbox) {
            committedOrder.computeIfAbsent(row.requestId(), key -> new ArrayList<>()).add(row.id());
        }
        long outOfOrder = committedOrder.entrySet().stream()
                .filter(request -> !request.getValue().equals(deliveredOrder.getOrDefault(request.getKey(), List.of())))
                .count();

        String name = args.getOrDefault("name", "fault scenario");
        System.out.println("==== " + name + " ====");
        System.out.println("load generator:                 " + loadSummary);
        System.out.printf("requests submitted (ack 201):   %d (all found again via API: %s; in outbox: %d missing)%n",
                acknowledged.size(), !loadSummary.contains("acknowledged-missing-via-api=0") ? "NO" : "yes", ackedNotInOutbox);
        System.out.printf("requests in outbox:             %d (includes the demo data's 2; a submission whose answer was lost "
                + "would show here without being acknowledged)%n", submittedInOutbox.size());
        System.out.printf("decisions made (via API):       %d of the acknowledged requests; decision.made in outbox: %d (all requests)%n",
                decidedViaApi.size(), expectedDecisions.size());
        System.out.printf("outbox events committed:        %d (unpublished at check: %d)%n", outbox.size(), unpublished);
        System.out.printf("records read from Kafka:        %d%n", records);
        System.out.printf("events delivered, distinct ids: lifecycle topic %d, decisions topic %d%n",
                seen.get(LIFECYCLE).size(), seen.get(DECISIONS).size());
        System.out.printf("duplicates (same ce_id again):  lifecycle topic %d, decisions topic %d%n",
                duplicates(seen.get(LIFECYCLE)), duplicates(seen.get(DECISIONS)));
        System.out.printf("ids on Kafka not in outbox:     %d%n", unknownOnKafka);
        System.out.printf("requests not in commit order:   %d of %d (lifecycle topic, first copies against outbox seq)%n",
                outOfOrder, committedOrder.size());
        System.out.printf("LOST:                           %d  (outbox->lifecycle %d, outbox->decisions %d, "
                        + "acknowledged->outbox %d, API decision->outbox %d, API decision->decisions topic %d)%n",
                lost, lostLifecycle, lostDecisions, ackedNotInOutbox, apiDecisionNotInOutbox, apiDecisionNotOnKafka);
        System.exit(lost == 0 && unpublished == 0 && outOfOrder == 0 ? 0 : 1);
    }

    private static long duplicates(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    private static List<OutboxRow> readOutbox(String url, String user) throws Exception {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select id::text, request_id::text, type, published_at is not null from outbox_event order by seq")) {
            while (rs.next()) {
                rows.add(new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
        return rows;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // read_committed would hide nothing here (the relay does not use transactions); be explicit anyway.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
