package org.aems.ingest.embedded;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ CE) inside the JVM, for the embedded default run and as the last fallback of
 * the test infrastructure. Its queue is raised far above the default 1,000 messages per client, which
 * silently discards QoS 1 messages for a subscriber that falls behind (measured: 93 of 2,000 lost).
 * Sessions persist in {@code dataDir}, so a restart of the app loses nothing queued.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** Sized from the outage to absorb: 15 minutes of a busy region at 3,000 msg/s is 2.7 M messages. */
    static final long MAX_QUEUE_SIZE = 3_000_000;

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    /** Starts a broker listening on 127.0.0.1:{@code port}, keeping its state under {@code dataDir}, admitting any client. */
    public static EmbeddedBroker start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * Starts a broker as above that admits only the accounts {@code auth} knows, each to its own topics (ADR 0017);
     * {@code auth} null admits any client.
     */
    public static EmbeddedBroker start(Path dataDir, int port, EmbeddedBrokerAuth auth) {
        try {
            Path conf = Files.createDirectories(dataDir.resolve("conf"));
            Path data = Files.createDirectories(dataDir.resolve("data"));
            Path extensions = Files.createDirectories(dataDir.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(port), StandardCharsets.UTF_8);
            var builder = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withoutLoggingBootstrap();
            if (auth != null) {
                builder.withEmbeddedExtension(EmbeddedExtension.builder().withId("aems-broker-auth").withName("AEMS broker accounts")
                        .withVersion("1").withPriority(1000).withStartPriority(1000).withExtensionMain(auth).build());
            }
            EmbeddedHiveMQ hivemq = builder.build();
            hivemq.start().get();
            log.info("embedded MQTT 5 broker listening [url: tcp://127.0.0.1:{}, data: {}, accounts: {}]", port, dataDir.toAbsolutePath(),
                    auth == null ? "none (any client)" : "checked (ADR 0017)");
            return new EmbeddedBroker(hivemq, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's folder " + dataDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded MQTT broker did not start on port " + port
                    + " (is the port taken? set aems.embedded.mqtt-port): " + e.getCause().getMessage(), e.getCause());
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private static String config(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, MAX_QUEUE_SIZE);
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get();
            hivemq.close();
            log.info("embedded MQTT broker stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("stopping the embedded broker failed: {}", e.getCause().getMessage());
        }
    }
}
