package org.aems.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes the typical gateway message (10 readings, ~1 KB) at QoS 1 for a set of sites, at a fixed
 * rate or as fast as the broker takes it, keeping a bounded window of unacknowledged publishes.
 * Message {@code i} is always the same bytes, so a replay is an exact repeat.
 */
public final class TelemetryLoad implements AutoCloseable {

    public static final int READINGS_PER_MESSAGE = TelemetryMessages.READINGS_PER_MESSAGE;

    private final TelemetryMessages messages;
    private final MqttAsyncClient client;
    private final Semaphore window;
    private final AtomicLong acknowledged = new AtomicLong();
    private final java.util.Queue<Long> unacknowledged = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public TelemetryLoad(String brokerUrl, String clientId, List<String> sites, Instant base, int window) throws MqttException {
        this(brokerUrl, clientId, new TelemetryMessages(sites, base), window);
    }

    public TelemetryLoad(String brokerUrl, String clientId, TelemetryMessages messages, int window) throws MqttException {
        this.messages = messages;
        this.window = new Semaphore(window);
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10); // Paho's default backs off to 128 s
        client.connect(options).waitForCompletion(10_000);
    }

    public TelemetryMessages messages() {
        return messages;
    }

    public byte[] message(long i) {
        return messages.message(i);
    }

    public String siteOf(long i) {
        return messages.siteOf(i);
    }

    /**
     * Publishes messages {@code from} (inclusive) to {@code to} (exclusive); returns when the broker has
     * acknowledged all of them.
     *
     * @param perSecond target rate, or 0 for as fast as possible
     */
    public void publish(long from, long to, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        for (long i = from; i < to; i++) {
            if (perSecond > 0) {
                long due = start + (long) ((i - from) * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            publishOne(i);
        }
        drain();
    }

    /** {@link #publish} on another thread, so a test can break something while the messages flow. */
    public java.util.concurrent.CompletableFuture<Void> publishInBackground(long from, long to, double perSecond) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                publish(from, to, perSecond);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Publishes one message; called by publish loops and by latency probes that timestamp it. */
    public void publishOne(final long i) throws InterruptedException {
        window.acquire();
        while (true) {
            try {
                client.publish("aems/v1/sites/" + siteOf(i) + "/telemetry", message(i), 1, false, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        acknowledged.incrementAndGet();
                        window.release();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable cause) {
                        // Like a real gateway: keep it until the broker acknowledged it, then send it again.
                        unacknowledged.add(i);
                        window.release();
                    }
                });
                return;
            } catch (MqttException e) {
                // 32202 "too many publishes in progress" and disconnects while the broker restarts: retry.
                Thread.sleep(20);
            }
        }
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Long again = unacknowledged.poll();
            if (again != null) {
                publishOne(again);
            } else if (client.getPendingTokens().length == 0 && unacknowledged.isEmpty()) {
                return;
            } else {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the broker did not acknowledge all messages within 60 s");
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
