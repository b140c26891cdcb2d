package org.aems.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aems.core.grid.Battery;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Region;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteKind;
import org.aems.core.region.RegionFileReader;
import org.aems.core.unit.Power;
import org.aems.simulators.scenario.LoadProfile;
import org.aems.simulators.scenario.OdawaraScenarioGenerator;
import org.aems.simulators.scenario.Scenario;
import org.junit.jupiter.api.Test;

class BundledRegionsTest {

    @Test
    void demoReadsWithoutProblemsWithItsSimulationSection() {
        Scenario demo = BundledRegions.scenario("demo");

        assertThat(demo.region().sites()).hasSize(50);
        assertThat(demo.settings().seed()).hasValue(42);
        assertThat(demo.behaviour(org.aems.core.grid.SiteId.of("demo-002")).loadProfile()).isEqualTo(LoadProfile.HOUSEHOLD_4P);
        assertThat(demo.behaviour(org.aems.core.grid.SiteId.of("demo-001")).loadProfile()).isEqualTo(LoadProfile.HOUSEHOLD_2P);
    }

    @Test
    void odawaraHasTheDocumentedCityScale() { // #4, figures in docs/scenarios.md
        Scenario scenario = BundledRegions.scenario("odawara");
        Region region = scenario.region();
        List<Site> sites = region.sites();
        Map<SiteKind, Long> byKind = sites.stream().collect(Collectors.groupingBy(Site::kind, Collectors.counting()));
        long pvWatts = sites.stream().mapToLong(s -> s.pvPeakPower().watts()).sum();
        List<Battery> batteries = sites.stream().flatMap(s -> s.assetsOf(Battery.class).stream()).toList();
        long sharedEvChargers = sites.stream().filter(s -> s.kind() == SiteKind.CAR_SHARING_STATION)
                .mapToLong(s -> s.assetsOf(EvCharger.class).stream().filter(EvCharger::v2x).count()).sum();

        assertThat(sites).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(region.feeders()).hasSizeBetween(18, 22);
        assertThat(region.banks()).hasSizeBetween(6, 8);
        assertThat(region.substations()).hasSize(3);
        assertThat(pvWatts).isBetween(Power.ofKilowatts(20_000).watts(), Power.ofKilowatts(40_000).watts());
        assertThat(batteries).hasSizeBetween(300, 1_500);
        assertThat(byKind.get(SiteKind.CAR_SHARING_STATION)).isEqualTo(30);
        assertThat(sharedEvChargers).isEqualTo(100);
        assertThat(byKind.get(SiteKind.EVACUATION_SHELTER)).isEqualTo(7);
        assertThat(sites.stream().filter(s -> s.kind() == SiteKind.EVACUATION_SHELTER))
                .allSatisfy(s -> {
                    assertThat(s.pvPeakPower()).isEqualTo(Power.ofKilowatts(10));
                    assertThat(s.assetsOf(Battery.class).get(0).capacity().wattHours()).isEqualTo(10_000);
                });
        long pvHouseholds = sites.stream().filter(s -> s.kind() == SiteKind.HOUSEHOLD && !s.assetsOf(PvArray.class).isEmpty()).count();
        assertThat((double) pvHouseholds / byKind.get(SiteKind.HOUSEHOLD)).isBetween(0.30, 0.37);
        assertThat(scenario.settings().seed()).hasValue(OdawaraScenarioGenerator.SEED);
        assertThat(sites.stream().map(s -> scenario.behaviour(s.id()).loadProfile()).collect(Collectors.toSet()))
                .contains(LoadProfile.HOUSEHOLD_1P, LoadProfile.HOUSEHOLD_4P, LoadProfile.SCHOOL, LoadProfile.CAR_SHARING_STATION);
        assertThat(sites.stream().map(s -> s.supplyPoint().value()).distinct().count()).isEqualTo(sites.size());
    }

    @Test
    void theRegistryReaderReadsTheBundledScenarioWithItsSimulationSections() { // #4: one file for both
        Region registry = new RegionFileReader().read(new ByteArrayInputStream(BundledRegions.yaml("odawara")));

        assertThat(registry).isEqualTo(BundledRegions.load("odawara"));
    }

    @Test
    void theGeneratorIsDeterministicAndMatchesTheBundledFile() {
        String generated = new OdawaraScenarioGenerator(OdawaraScenarioGenerator.SEED).generate();

        assertThat(generated.getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(BundledRegions.yaml("odawara"));
        assertThat(generated.length()).isLessThan(3_000_000);
    }

    @Test
    void unknownNameListsTheBundledRegions() {
        assertThatThrownBy(() -> BundledRegions.load("kyoto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no region file at 'kyoto' and no bundled region of that name (bundled: demo, odawara)");
        assertThatThrownBy(() -> BundledRegions.yaml("kyoto")).hasMessage("no bundled region 'kyoto' (bundled: demo, odawara)");
    }
}
