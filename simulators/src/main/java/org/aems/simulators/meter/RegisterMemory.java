package org.aems.simulators.meter;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The simulated devices' cumulative registers (meter import/export, PV generation) kept in a file between runs, as a
 * real meter keeps them through a gateway's restart. Without it every run starts the registers at their seeded values
 * again, below what ingest already stored, and ingest refuses every register reading as REGISTER_DECREASED until the
 * register passes its old value (at night an export register never does).
 *
 * <p>Keys are {@code site/device/register}; the file is replaced atomically, so a crash leaves the previous one.
 */
public final class RegisterMemory {

    private final Path file;

    public RegisterMemory(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** What the last run left, empty on a first run. */
    public Map<String, Double> load() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the simulated meters' registers from " + file + ": " + e.getMessage()
                    + "; delete the file to start them afresh (ingest then refuses readings below the stored ones)", e);
        }
        Map<String, Double> registers = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            try {
                registers.put(key, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("register '" + key + "' in " + file + " is not a number: '" + value
                        + "'; delete the file to start the simulated meters afresh", e);
            }
        }
        return registers;
    }

    public void save(Map<String, Double> registers) {
        Properties properties = new Properties();
        registers.forEach((key, value) -> properties.setProperty(key, Double.toString(value)));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "AEMS simulator: cumulative registers, Wh (site/device/register)");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the simulated meters' registers to " + file + ": " + e.getMessage(), e);
        }
    }

    public static String key(String site, String device, String register) {
        return site + "/" + device + "/" + register;
    }
}
