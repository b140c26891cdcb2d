package org.aems.simulators.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.aems.core.grid.SiteId;
import org.aems.core.region.RegionFileException;
import org.aems.core.unit.Energy;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    private static final String SCENARIO = """
            region: {id: r1, name: Test}
            simulation:
              seed: 7
              publishInterval: PT10S
              startDate: 2026-05-12
              profiles:
                HOUSEHOLD: {loadProfile: household-3p, annualKwh: 4500, loadNoise: 0.2}
            substations:
              - id: ss1
                banks:
                  - id: b1
                    limits: [{from: 2024-04-01, reverseFlowLimitKw: 400, importLimitKw: 900}]
                    feeders:
                      - id: f1
                        from: 2024-04-01
                        limits: [{from: 2024-04-01, reverseFlowLimitKw: 150, importLimitKw: 400}]
                        sites:
                          - {id: s1, kind: HOUSEHOLD, supplyPoint: "0300000000000000000001", from: 2024-04-01,
                             simulation: {loadProfile: household-1p, annualKwh: 2100},
                             assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                          - {id: s2, kind: HOUSEHOLD, supplyPoint: "0300000000000000000002", from: 2024-04-01,
                             assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                          - {id: s3, kind: SHOP, supplyPoint: "0300000000000000000003", from: 2024-04-01,
                             assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
            """;

    private static Scenario read(String yaml) {
        return new ScenarioReader().read(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void siteEntryOverridesItsKindsProfileWhichOverridesTheDefaults() { // #4
        Scenario scenario = read(SCENARIO);

        assertThat(scenario.settings().seed()).hasValue(7);
        assertThat(scenario.settings().publishInterval()).contains(Duration.ofSeconds(10));
        assertThat(scenario.settings().startDate()).contains(LocalDate.of(2026, 5, 12));
        SiteBehaviour own = scenario.behaviour(SiteId.of("s1"));
        assertThat(own.loadProfile()).isEqualTo(LoadProfile.HOUSEHOLD_1P);
        assertThat(own.annualConsumption()).isEqualTo(Energy.ofKilowattHours(2_100));
        assertThat(own.loadNoise()).isEqualTo(0.2); // not overridden: from the HOUSEHOLD profile
        SiteBehaviour ofKind = scenario.behaviour(SiteId.of("s2"));
        assertThat(ofKind.loadProfile()).isEqualTo(LoadProfile.HOUSEHOLD_3P);
        assertThat(ofKind.annualConsumption()).isEqualTo(Energy.ofKilowattHours(4_500));
        assertThat(scenario.behaviour(SiteId.of("s3"))).isEqualTo(SiteBehaviour.defaultFor(org.aems.core.grid.SiteKind.SHOP));
    }

    @Test
    void reportsEveryBadSimulationEntryWithItsExactPath() { // #4
        String broken = SCENARIO.replace("publishInterval: PT10S", "publishInterval: 10s")
                .replace("HOUSEHOLD: {loadProfile: household-3p", "HOUSHOLD: {loadProfile: household-3p")
                .replace("{loadProfile: household-1p, annualKwh: 2100}", "{loadProfile: household-9p, annualKwh: -5, pvShare: 0.3}");

        RegionFileException e = catchThrowableOfType(RegionFileException.class, () -> read(broken));

        assertThat(e.problems()).containsExactly(
                "simulation.publishInterval: must be an ISO-8601 duration such as PT5S, was '10s'",
                "simulation.profiles.HOUSHOLD: not a site kind, known: [HOUSEHOLD, PUBLIC_FACILITY, EVACUATION_SHELTER, SCHOOL, "
                        + "CAR_SHARING_STATION, SHOP, OFFICE]",
                "substations[0].banks[0].feeders[0].sites[0].simulation.pvShare: unknown field, known: loadProfile, annualKwh, "
                        + "loadNoise, evBatteryKwh, evTripsPerDay, evKwhPerTrip",
                "substations[0].banks[0].feeders[0].sites[0].simulation.loadProfile: unknown load profile 'household-9p', known: "
                        + "[household-1p, household-2p, household-3p, household-4p, school, public-facility, office, shop, "
                        + "car-sharing-station]",
                "substations[0].banks[0].feeders[0].sites[0].simulation.annualKwh: must be positive and at most 100000000, was -5");
    }

    @Test
    void reportsRegionAndSimulationProblemsTogether() { // #4
        String broken = SCENARIO.replace("\"0300000000000000000002\"", "\"123\"").replace("loadNoise: 0.2", "loadNoise: 2");

        RegionFileException e = catchThrowableOfType(RegionFileException.class, () -> read(broken));

        assertThat(e.problems()).containsExactly(
                "substations[0].banks[0].feeders[0].sites[1].supplyPoint: supply point number must be exactly 22 digits, was '123'",
                "simulation.profiles.HOUSEHOLD.loadNoise: must be at least 0 and at most 1, was 2");
    }

    @Test
    void aFileWithoutSimulationSectionsGetsTheDefaultsOfEachKind() {
        Scenario scenario = read(SCENARIO.replaceAll("(?s)simulation:\\n.*?substations:", "substations:")
                .replace("simulation: {loadProfile: household-1p, annualKwh: 2100},", ""));

        assertThat(scenario.settings()).isEqualTo(Scenario.Settings.NONE);
        assertThat(scenario.behaviour(SiteId.of("s1"))).isEqualTo(SiteBehaviour.defaultFor(org.aems.core.grid.SiteKind.HOUSEHOLD));
    }
}
