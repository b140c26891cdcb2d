package org.aems.simulators;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aems.core.grid.Region;
import org.aems.core.region.RegionFileReader;

/** Region files shipped with the simulator ({@code regions/NAME.yaml} on the classpath) or on disk. */
public final class BundledRegions {

    private BundledRegions() {
    }

    /** Reads {@code nameOrPath}: a bundled region's name such as "demo", or a path to a region file. */
    public static Region load(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return new RegionFileReader().read(path);
        }
        try (InputStream in = BundledRegions.class.getResourceAsStream("/regions/" + nameOrPath + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no region file at '" + nameOrPath + "' and no bundled region of that name "
                        + "(bundled: demo)");
            }
            return new RegionFileReader().read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The raw YAML of a bundled region, for importing it into the registry as is. */
    public static byte[] yaml(String name) {
        try (InputStream in = BundledRegions.class.getResourceAsStream("/regions/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled region '" + name + "' (bundled: demo)");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
