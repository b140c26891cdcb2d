package org.aems.ingest.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.aems.core.brokerauth.PasswordHash;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.ingest.mqtt.InboundMessage;
import org.aems.ingest.mqtt.MqttSettings;
import org.aems.ingest.mqtt.TelemetrySubscriber;
import org.aems.testing.TestInfrastructure;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * Soak of the embedded broker (ADR 0020): fresh broker, accounts and publisher stamp as in the default run, ingest's own
 * subscriber, the simulator's account publishing 500 msg/s over 5 connections; per round, shared subscription against
 * plain subscription. A round "stalls" when the subscriber got less than half of what was sent. Not a test: it takes
 * minutes, and the stall it looks for is intermittent. Run it (docs/benchmarks.md):
 * <pre>./mvnw -B -q -pl aems-ingest test-compile exec:java -Dexec.mainClass=org.aems.ingest.embedded.EmbeddedBrokerSoak -Dexec.classpathScope=test -Dexec.args="10 10"</pre>
 * arguments: rounds (default 10), seconds per round (default 10).
 */
public final class EmbeddedBrokerSoak {

    private static final String PASSWORD = "soak-only-password";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PasswordHash hash = PasswordHash.create(PASSWORD, new SecureRandom());
        Totals shared = new Totals("shared ($share/aems-ingest/...)");
        Totals plain = new Totals("plain (the embedded default)");
        for (int round = 1; round <= rounds; round++) {
            for (Totals mode : List.of(shared, plain)) {
                Round r = run(mode == shared ? "aems-ingest" : "", seconds, hash);
                mode.add(r);
                System.out.printf("round %d/%d %-32s sent %,6d  received %,6d  stamped %,6d%s%n", round, rounds, mode.name, r.sent,
                        r.received, r.stamped, r.stalled() ? "  STALLED" : "");
            }
        }
        System.out.println();
        for (Totals t : List.of(shared, plain)) {
            System.out.printf("%-32s rounds %d  stalled %d  delivered %.3f of sent%n", t.name, t.rounds, t.stalled,
                    (double) t.received / t.sent);
        }
        System.exit(0);
    }

    private static Round run(String sharedGroup, int seconds, PasswordHash hash) throws Exception {
        EmbeddedBrokerAuth auth = new EmbeddedBrokerAuth(username -> Optional.of(hash));
        try (EmbeddedBroker broker = EmbeddedBroker.start(Files.createTempDirectory("aems-soak"), TestInfrastructure.freePort(), auth)) {
            BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(2000);
            MqttSettings settings = new MqttSettings(broker.url(), "aems-ingest-1", ServiceRole.INGEST.username(), PASSWORD,
                    sharedGroup, null, 0, null, null);
            TelemetrySubscriber subscriber = new TelemetrySubscriber(settings, queue, Clock.systemUTC());
            AtomicLong received = new AtomicLong();
            AtomicLong stamped = new AtomicLong();
            Thread writer = new Thread(() -> acknowledgeInBatches(queue, subscriber, received, stamped), "soak-writer");
            writer.start();
            List<MqttAsyncClient> publishers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                MqttAsyncClient c = new MqttAsyncClient(broker.url(), "aems-simulator-" + i, new MemoryPersistence());
                MqttConnectionOptions options = new MqttConnectionOptions();
                options.setUserName(ServiceRole.SIMULATOR.username());
                options.setPassword(PASSWORD.getBytes(StandardCharsets.UTF_8));
                c.connect(options).waitForCompletion(5_000);
                publishers.add(c);
            }
            // Publishing starts while ingest connects and subscribes, as at a fresh start of the default run.
            subscriber.start();
            long sent = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                for (int site = 1; site <= 50; site++) {
                    String topic = String.format("aems/v1/sites/demo-%03d/telemetry", site);
                    publishers.get(site % 5).publish(topic, ("{\"n\":" + sent + "}").getBytes(StandardCharsets.UTF_8), 1, false);
                    sent++;
                }
                Thread.sleep(100);
            }
            Thread.sleep(2_000);
            for (MqttAsyncClient c : publishers) {
                c.disconnect().waitForCompletion(2_000);
                c.close();
            }
            writer.interrupt();
            writer.join();
            subscriber.close();
            return new Round(sent, received.get(), stamped.get());
        }
    }

    /** Like ingest's writer: takes what is queued, "commits" for 20 ms, then acknowledges in arrival order. */
    private static void acknowledgeInBatches(BlockingQueue<InboundMessage> queue, TelemetrySubscriber subscriber, AtomicLong received,
                                             AtomicLong stamped) {
        List<InboundMessage> batch = new ArrayList<>();
        try {
            while (true) {
                InboundMessage first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                Thread.sleep(20);
                for (InboundMessage m : batch) {
                    subscriber.acknowledge(m);
                    received.incrementAndGet();
                    if (ServiceRole.SIMULATOR.username().equals(m.publisher())) {
                        stamped.incrementAndGet();
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Round(long sent, long received, long stamped) {
        boolean stalled() {
            return received * 2 < sent;
        }
    }

    private static final class Totals {
        final String name;
        int rounds;
        int stalled;
        long sent;
        long received;

        Totals(String name) {
            this.name = name;
        }

        void add(Round r) {
            rounds++;
            stalled += r.stalled() ? 1 : 0;
            sent += r.sent;
            received += r.received;
        }
    }
}
