package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.Region;
import org.aems.core.grid.SiteId;
import org.aems.ingest.registry.ImportReport;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;

/** The registry stored in PostgreSQL equals the region file, after every import. */
class RegistryStoreIT {

    @Test
    void readsBackEverySiteAsImportedAndReportsSitesThatLeftTheFile() throws Exception {
        String prefix = "reg" + UUID.randomUUID().toString().substring(0, 6);
        try (IngestHarness harness = new IngestHarness(Clock.systemUTC())) {
            Region region = harness.importRegion(TestRegions.twoSites(prefix));

            for (var site : region.sites()) {
                assertThat(harness.registry.site(site.id()).orElseThrow().site()).isEqualTo(site);
            }
            assertThat(harness.registry.sites(Optional.of(FeederId.of(prefix + "-f1")), 0, 10)).hasSize(2);

            String file = TestRegions.twoSites(prefix);
            String withoutB = file.substring(0, file.lastIndexOf("- id: " + prefix + "-b\n"));
            Region smaller = new org.aems.core.region.RegionFileReader().read(
                    new java.io.ByteArrayInputStream(withoutB.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ImportReport report = harness.registry.importRegion(smaller, Clock.systemUTC().instant());

            assertThat(report.sites()).isEqualTo(1);
            assertThat(report.removedSites()).containsExactly(prefix + "-b");
            assertThat(harness.registry.exists(SiteId.of(prefix + "-b"))).isFalse();
            assertThat(harness.registry.exists(SiteId.of(prefix + "-a"))).isTrue();
        }
    }
}
