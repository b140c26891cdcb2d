package org.aems.api.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import org.aems.core.grid.Region;
import org.aems.core.region.RegionFileReader;
import org.aems.ingest.registry.ImportReport;
import org.aems.ingest.registry.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports a region file (docs/region-file.md) into the registry: afterwards the region's registry equals the file. */
@RestController
class RegistryImportController {

    private static final Logger log = LoggerFactory.getLogger(RegistryImportController.class);

    private final RegistryStore registry;
    private final Clock clock;

    RegistryImportController(RegistryStore registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/registry/import",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import a region file",
            description = "Validates the whole file first and reports every problem with its path (400, nothing imported); "
                    + "otherwise replaces the region's feeders, sites and assets in one transaction.")
    ImportReport importRegion(@RequestBody(description = "the region file, YAML") @org.springframework.web.bind.annotation.RequestBody byte[] yaml) {
        Region region = new RegionFileReader().read(new ByteArrayInputStream(yaml));
        ImportReport report = registry.importRegion(region, clock.instant());
        log.info("imported region {} [feeders: {}, sites: {}, assets: {}, removed sites: {}]", report.regionId(),
                report.feeders(), report.sites(), report.assets(), report.removedSites().size());
        return report;
    }
}
