package org.aems.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aems.ingest.embedded.EmbeddedDatabase;

/**
 * A PostgreSQL server owned by one test, which may crash it: {@link #crash()} sends SIGQUIT to the
 * postmaster, exactly what {@code pg_ctl stop -m immediate} does, and {@link #start()} brings it back
 * on the same port and data directory (crash recovery included).
 */
public final class OwnedPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedDatabase database;

    public OwnedPostgres() {
        try {
            this.dataDir = Files.createTempDirectory("aems-owned-pg").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = TestInfrastructure.freePort();
        start();
    }

    public void start() {
        if (database != null) {
            release();
        }
        database = EmbeddedDatabase.start(dataDir, port);
    }

    /** Lets go of the crashed instance (zonky holds a lock on the data directory until closed). */
    private void release() {
        try {
            database.close();
        } catch (RuntimeException alreadyDead) {
            // pg_ctl stop on a crashed server fails; the lock is released all the same.
        }
    }

    public String jdbcUrl() {
        return database.jdbcUrl("aems");
    }

    /** Immediate shutdown, no checkpoint: clients see their connections die at once. */
    public void crash() throws IOException, InterruptedException {
        String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
        Process kill = new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start();
        kill.waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.exists(dataDir.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            database.close();
        }
    }
}
