package org.aems.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.aems.ingest.embedded.EmbeddedBroker;
import org.aems.ingest.embedded.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The real PostgreSQL and MQTT broker integration tests talk to, resolved once per JVM (ADR 0004):
 * the environment ({@code AEMS_TEST_JDBC_URL}, {@code AEMS_TEST_MQTT_URL}; CI points them at the
 * machine's services), else Testcontainers when a Docker engine answers (TimescaleDB and Mosquitto
 * images), else embedded PostgreSQL binaries and an embedded broker. Never skipped, never H2.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    static final String TIMESCALEDB_IMAGE = "timescale/timescaledb:2.17.2-pg15";
    static final String MOSQUITTO_IMAGE = "eclipse-mosquitto:2.0.20";

    private static String adminJdbcUrl;
    private static String mqttUrl;
    /** True when the broker is our embedded HiveMQ, whose QoS 1 shared subscriptions can stall for good (ADR 0020). */
    private static boolean embeddedBroker;

    private TestInfrastructure() {
    }

    /** JDBC URL (with credentials) of a server where tests may create databases. */
    public static synchronized String adminJdbcUrl() {
        if (adminJdbcUrl == null) {
            adminJdbcUrl = resolveDatabase();
        }
        return adminJdbcUrl;
    }

    /** URL of a real MQTT v5 broker. */
    public static synchronized String mqttUrl() {
        if (mqttUrl == null) {
            mqttUrl = resolveBroker();
        }
        return mqttUrl;
    }

    /**
     * The shared-subscription group a test should give a subscriber: {@code group} on Mosquitto, none ("", a plain
     * subscription) on the embedded HiveMQ fallback, as the embedded default does (ADR 0020).
     */
    public static String sharedGroup(String group) {
        mqttUrl();
        return embeddedBroker ? "" : group;
    }

    /** A new, empty database for one test class, so tests never see each other's rows. */
    public static String freshDatabase() {
        String name = "aems_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String admin = adminJdbcUrl();
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + admin + ": " + e.getMessage(), e);
        }
        dropAtExit(admin, name);
        return withDatabase(admin, name);
    }

    /**
     * Drops the test's database when the test JVM ends, so a shared PostgreSQL does not collect hundreds of them
     * run after run. A database some process still uses (a killed test's, a debugging session's) is left alone.
     */
    private static void dropAtExit(String admin, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                // in use or already gone: nothing to clean up now
            }
        }, "drop-" + name));
    }

    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static String resolveDatabase() {
        String env = System.getenv("AEMS_TEST_JDBC_URL");
        if (env != null && !env.isBlank()) {
            log.info("[test infra] PostgreSQL from AEMS_TEST_JDBC_URL: {}", env);
            return env;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(
                    DockerImageName.parse(TIMESCALEDB_IMAGE).asCompatibleSubstituteFor("postgres"));
            container.start();
            log.info("[test infra] TimescaleDB from Testcontainers ({})", TIMESCALEDB_IMAGE);
            return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                    + container.getUsername() + "&password=" + container.getPassword();
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(null, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        log.info("[test infra] embedded PostgreSQL on port {}", database.port());
        return database.jdbcUrl("postgres");
    }

    private static String resolveBroker() {
        String env = System.getenv("AEMS_TEST_MQTT_URL");
        if (env != null && !env.isBlank()) {
            log.info("[test infra] MQTT broker from AEMS_TEST_MQTT_URL: {}", env);
            return env;
        }
        if (dockerAvailable()) {
            GenericContainer<?> mosquitto = new GenericContainer<>(DockerImageName.parse(MOSQUITTO_IMAGE))
                    .withCopyFileToContainer(MountableFile.forClasspathResource("mosquitto-test.conf"),
                            "/mosquitto/config/mosquitto.conf")
                    .withExposedPorts(1883);
            mosquitto.start();
            log.info("[test infra] Mosquitto from Testcontainers ({})", MOSQUITTO_IMAGE);
            return "tcp://" + mosquitto.getHost() + ":" + mosquitto.getMappedPort(1883);
        }
        try {
            Path dir = Files.createTempDirectory("aems-test-broker");
            EmbeddedBroker broker = EmbeddedBroker.start(dir, freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            log.info("[test infra] embedded HiveMQ at {} (plain subscriptions, ADR 0020)", broker.url());
            embeddedBroker = true;
            return broker.url();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
