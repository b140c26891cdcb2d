package org.aems.simulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aems.core.grid.Region;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.scenario.ScenarioReader;

/** Region files shipped with the simulator ({@code regions/NAME.yaml} on the classpath) or on disk. */
public final class BundledRegions {

    /** The bundled regions: a laptop-sized slice and the city-scale scenario (docs/scenarios.md). */
    public static final List<String> NAMES = List.of("demo", "odawara");

    private BundledRegions() {
    }

    /** Reads {@code nameOrPath}: a bundled region's name such as "demo", or a path to a region file. */
    public static Region load(String nameOrPath) {
        return scenario(nameOrPath).region();
    }

    /**
     * Reads {@code nameOrPath} with its {@code simulation:} sections checked too.
     *
     * @throws org.aems.core.region.RegionFileException listing every problem of the file
     * @throws IllegalArgumentException when there is no such file and no such bundled region
     */
    public static Scenario scenario(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            try {
                return new ScenarioReader().read(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read region file " + path + ": " + e.getMessage(), e);
            }
        }
        return new ScenarioReader().read(bundled(nameOrPath, "no region file at '" + nameOrPath
                + "' and no bundled region of that name"));
    }

    /** The raw YAML of a bundled region, for importing it into the registry as is. */
    public static byte[] yaml(String name) {
        return bundled(name, "no bundled region '" + name + "'");
    }

    private static byte[] bundled(String name, String notFound) {
        try (InputStream in = NAMES.contains(name) ? BundledRegions.class.getResourceAsStream("/regions/" + name + ".yaml") : null) {
            if (in == null) {
                throw new IllegalArgumentException(notFound + " (bundled: " + String.join(", ", NAMES) + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
