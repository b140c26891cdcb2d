package org.aems.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Mosquitto broker process owned by one test, for tests that restart, kill or overload a broker
 * (never the machine's shared one). Configured like docker/mosquitto/mosquitto.conf: queues that hold
 * a whole outage, persistence saved every second. Needs the {@code mosquitto} package (.ci/run
 * installs it).
 */
public final class MosquittoProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private MosquittoProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static MosquittoProcess start() {
        try {
            MosquittoProcess broker = new MosquittoProcess(Files.createTempDirectory("aems-mosquitto"), TestInfrastructure.freePort());
            Files.writeString(broker.dir.resolve("mosquitto.conf"), """
                    listener %d 127.0.0.1
                    allow_anonymous true
                    user root
                    persistence true
                    persistence_location %s/
                    autosave_interval 1
                    max_inflight_messages 1000
                    max_queued_messages 3000000
                    max_queued_bytes 0
                    persistent_client_expiration 1d
                    sys_interval 1
                    log_dest file %s/mosquitto.log
                    """.formatted(broker.port, broker.dir, broker.dir));
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker with the repository's own docker/mosquitto/mosquitto.conf, only its port, data folder and
     * log destination changed, so tests prove what deployments get; its accounts switched off (anonymous access).
     */
    public static MosquittoProcess startWithRepositoryConfig() {
        return startWithRepositoryConfig(null);
    }

    /**
     * The repository's config with its accounts switched on, as docker-compose runs it: the dynamic-security plugin
     * (Debian's path for the image's) with {@code dynamicSecurityFile} as its file. {@code null}: anonymous access, for
     * the tests of the config's queues.
     */
    public static MosquittoProcess startWithRepositoryConfig(Path dynamicSecurityFile) {
        try {
            Path repoConfig = Path.of("..", "docker", "mosquitto", "mosquitto.conf");
            MosquittoProcess broker = new MosquittoProcess(Files.createTempDirectory("aems-mosquitto"), TestInfrastructure.freePort());
            StringBuilder config = new StringBuilder();
            for (String line : Files.readAllLines(repoConfig)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("listener ")) {
                    config.append("listener ").append(broker.port).append(" 127.0.0.1\n");
                } else if (trimmed.startsWith("persistence_location ")) {
                    config.append("persistence_location ").append(broker.dir).append("/\n");
                } else if (trimmed.startsWith("log_dest ")) {
                    config.append("log_dest file ").append(broker.dir).append("/mosquitto.log\n");
                } else if (dynamicSecurityFile == null && (trimmed.startsWith("allow_anonymous ") || trimmed.startsWith("plugin"))) {
                    config.append("# ").append(line).append('\n');
                } else if (trimmed.startsWith("plugin ")) {
                    config.append("plugin ").append(DYNAMIC_SECURITY_PLUGIN).append('\n');
                } else if (trimmed.startsWith("plugin_opt_config_file ")) {
                    config.append("plugin_opt_config_file ").append(dynamicSecurityFile.toAbsolutePath()).append('\n');
                } else {
                    config.append(line).append('\n');
                }
            }
            if (dynamicSecurityFile == null) {
                config.append("allow_anonymous true\n");
            }
            config.append("user root\n");
            Files.writeString(broker.dir.resolve("mosquitto.conf"), config);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker with the configuration {@code config} writes for (its port, its folder): for tests that need their own
     * listener settings, e.g. the dynamic-security plugin or password and ACL files (#7). The config must set the
     * listener on the given port at 127.0.0.1.
     */
    public static MosquittoProcess startWith(java.util.function.BiFunction<Integer, Path, String> config) {
        try {
            MosquittoProcess broker = new MosquittoProcess(Files.createTempDirectory("aems-mosquitto"), TestInfrastructure.freePort());
            Files.writeString(broker.dir.resolve("mosquitto.conf"), config.apply(broker.port, broker.dir));
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Debian's and the eclipse-mosquitto image's path differ; CI installs Debian's package. */
    public static final String DYNAMIC_SECURITY_PLUGIN = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";

    /**
     * A broker that admits no anonymous client and keeps its accounts in the dynamic-security plugin, starting from
     * {@code initialJson} (the plugin's {@code plugin_opt_config_file}; it writes its changes back there).
     */
    public static MosquittoProcess startWithDynamicSecurity(String initialJson) {
        return startWith((port, dir) -> {
            try {
                Files.writeString(dir.resolve("dynamic-security.json"), initialJson);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return """
                    listener %d 127.0.0.1
                    allow_anonymous false
                    plugin %s
                    plugin_opt_config_file %s/dynamic-security.json
                    user root
                    log_dest file %s/mosquitto.log
                    log_type all
                    """.formatted(port, DYNAMIC_SECURITY_PLUGIN, dir, dir);
        });
    }

    /** The broker's folder: its configuration, log and any files a test put there. */
    public Path dir() {
        return dir;
    }

    private void launch() throws IOException {
        String binary = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        try {
            process = new ProcessBuilder(binary, "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            // A JVM stopped by a signal (an evaluation interrupted) does not run close(): do not leave the broker behind.
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "mosquitto-" + port + "-stop"));
        } catch (IOException e) {
            throw new IOException("cannot start mosquitto: install it (apt-get install mosquitto): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on port " + port + "; see " + dir.resolve("mosquitto.log"));
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker gracefully (it saves its persistence file) and starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        restartAfter(java.time.Duration.ZERO);
    }

    /** Stops the broker gracefully, keeps it down for {@code down}, and starts it again on the same port. */
    public void restartAfter(java.time.Duration down) throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        Thread.sleep(down.toMillis());
        launch();
    }

    /** SIGKILL: the broker loses what it received since its last autosave (at most ~1 s here). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void startAgain() throws IOException {
        launch();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
