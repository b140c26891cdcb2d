package org.aems.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.aems.core.grid.Battery;
import org.aems.core.grid.BuybackStatus;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.Region;
import org.aems.core.grid.SiteId;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

class RegionFileReaderTest {

    private static final String VALID = """
            region: {id: r1, name: Test}
            substations:
              - id: ss1
                banks:
                  - id: b1
                    limits: [{from: 2024-04-01, reverseFlowLimitKw: 400, importLimitKw: 900}]
                    feeders:
                      - id: f1
                        from: 2024-04-01
                        limits:
                          - {from: 2024-04-01, until: 2026-04-01, reverseFlowLimitKw: 150, importLimitKw: 400}
                          - {from: 2026-04-01, reverseFlowLimitKw: 200, importLimitKw: 400}
                        sites:
                          - id: s1
                            kind: household
                            supplyPoint: "0300000000000000000001"
                            from: 2024-04-01
                            buyback:
                              - {from: 2024-04-01, until: 2025-10-01, status: FIT}
                              - {from: 2025-10-01, status: SOTSU_FIT_OURS}
                            assets:
                              - {type: pv, id: pv-1, kwp: 5.5, curtailable: true}
                              - {type: battery, id: bat-1, kwh: 9.8, chargeKw: 3, dischargeKw: 3}
                              - {type: meter, id: meter-1, metrologyClass: CERTIFIED}
            """;

    private static Region read(String yaml) {
        return new RegionFileReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTopologyWithEffectiveDatedLimitsAndBuybackStatus() {
        Region region = read(VALID);
        var site = region.site(SiteId.of("s1")).orElseThrow();
        assertThat(site.buyback().at(LocalDate.of(2025, 9, 30))).contains(BuybackStatus.FIT);
        assertThat(site.buyback().at(LocalDate.of(2025, 10, 1))).contains(BuybackStatus.SOTSU_FIT_OURS);
        assertThat(region.feederOf(site.id()).orElseThrow().limits().at(LocalDate.of(2026, 4, 1)).orElseThrow().reverseFlowLimit())
                .isEqualTo(Power.ofKilowatts(200));
        assertThat(site.assetsOf(Battery.class).get(0).capacity().wattHours()).isEqualTo(9_800);
        assertThat(site.pvPeakPower()).isEqualTo(Power.ofWatts(5_500));
        assertThat(region.bankOf(FeederId.of("f1")).orElseThrow().id().value()).isEqualTo("b1");
    }

    @Test
    void reportsEveryProblemWithItsPathAndImportsNothing() {
        String broken = VALID.replace("supplyPoint: \"0300000000000000000001\"", "supplyPoint: \"12345\"")
                .replace("kwh: 9.8", "kwh: -1")
                .replace("{type: meter, id: meter-1, metrologyClass: CERTIFIED}", "{type: meter, id: meter-1, metrologyClass: GUESSED}");
        RegionFileException e = catchThrowableOfType(RegionFileException.class, () -> read(broken));
        assertThat(e.problems()).containsExactly(
                "substations[0].banks[0].feeders[0].sites[0].assets[1]: battery capacity and max charge/discharge power must be positive, were -1 kWh, 3 kW, 3 kW",
                "substations[0].banks[0].feeders[0].sites[0].assets[2]: metrologyClass must be one of [CERTIFIED, SPECIFIED_MEASUREMENT, UNCERTIFIED], was 'GUESSED'",
                "substations[0].banks[0].feeders[0].sites[0].supplyPoint: supply point number must be exactly 22 digits, was '12345'");
    }

    @Test
    void namesAnUnknownFieldAndWhereItIs() {
        RegionFileException e = catchThrowableOfType(RegionFileException.class,
                () -> read(VALID.replace("kwp: 5.5", "kwpeak: 5.5")));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0)).contains("kwpeak").contains("assets");
    }

    @Test
    void rejectsOverlappingLimitPeriods() {
        RegionFileException e = catchThrowableOfType(RegionFileException.class,
                () -> read(VALID.replace("until: 2026-04-01, reverseFlowLimitKw: 150", "until: 2026-06-01, reverseFlowLimitKw: 150")));
        assertThat(e.problems()).containsExactly("substations[0].banks[0].feeders[0].limits: entries from 2024-04-01 and from "
                + "2026-04-01 overlap; end the earlier one (until) on or before 2026-04-01");
    }

    @Test
    void acceptsAndIgnoresTheSimulatorsScenarioSections() { // #4
        String scenario = VALID.replace("region: {id: r1, name: Test}\n", """
                region: {id: r1, name: Test}
                simulation:
                  seed: 7
                  profiles:
                    HOUSEHOLD: {loadProfile: household-2p, annualKwh: 4200, anythingTheSimulatorKnows: [1, 2]}
                """).replace("from: 2024-04-01\n                buyback:", """
                from: 2024-04-01
                                simulation: {loadProfile: household-4p, annualKwh: 5100}
                                buyback:""");
        assertThat(scenario).contains("simulation: {loadProfile: household-4p");

        Region region = read(scenario);

        assertThat(region).isEqualTo(read(VALID));
    }
}
