package org.aems.simulators.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.time.Jst;
import org.aems.simulators.BundledRegions;
import org.junit.jupiter.api.Test;

class SiteModelTest {

    private static final Site WITH_PV_AND_BATTERY = BundledRegions.load("demo").site(SiteId.of("demo-001")).orElseThrow();
    private static final Instant MIDNIGHT = LocalDate.of(2026, 5, 12).atStartOfDay(Jst.ZONE).toInstant();
    private static final Duration STEP = Duration.ofMinutes(5);

    private static List<Map<Quantity, Double>> day(long seed) {
        SiteModel model = new SiteModel(WITH_PV_AND_BATTERY, seed);
        List<Map<Quantity, Double>> steps = new ArrayList<>();
        for (Instant t = MIDNIGHT.plus(STEP); !t.isAfter(MIDNIGHT.plus(Duration.ofDays(1))); t = t.plus(STEP)) {
            steps.add(model.step(t, STEP).stream().collect(Collectors.toMap(Reading::quantity, Reading::value)));
        }
        return steps;
    }

    @Test
    void balancesEnergyAtEveryStepWithTheEchonetSigns() {
        for (Map<Quantity, Double> s : day(42)) {
            // meter (+ import) = load − PV + battery (+ charging); each term is rounded to the watt
            double expected = s.get(Quantity.LOAD_POWER) - s.get(Quantity.PV_POWER) + s.get(Quantity.BATTERY_POWER);
            assertThat(s.get(Quantity.METER_POWER)).isCloseTo(expected, org.assertj.core.data.Offset.offset(2.0));
            assertThat(s.get(Quantity.BATTERY_SOC)).isBetween(0.0, 100.0);
        }
    }

    @Test
    void producesPvOnlyInDaylightAndStoresMiddaySurplus() {
        List<Map<Quantity, Double>> day = day(42);
        Map<Quantity, Double> threeAm = day.get(35);
        Map<Quantity, Double> noon = day.get(143);
        assertThat(threeAm.get(Quantity.PV_POWER)).isZero();
        assertThat(noon.get(Quantity.PV_POWER)).isGreaterThan(2_500.0);
        // The battery charges from the morning surplus and ends the afternoon fuller than it started it.
        assertThat(day.subList(95, 143).stream().mapToDouble(s -> s.get(Quantity.BATTERY_POWER)).max().orElseThrow()).isGreaterThan(0.0);
        assertThat(day.get(179).get(Quantity.BATTERY_SOC)).isGreaterThan(day.get(71).get(Quantity.BATTERY_SOC));
    }

    @Test
    void keepsMeterRegistersMonotonicAndIntegratesTheMeterPower() {
        List<Map<Quantity, Double>> day = day(42);
        for (int i = 1; i < day.size(); i++) {
            assertThat(day.get(i).get(Quantity.METER_IMPORT_ENERGY)).isGreaterThanOrEqualTo(day.get(i - 1).get(Quantity.METER_IMPORT_ENERGY));
            assertThat(day.get(i).get(Quantity.METER_EXPORT_ENERGY)).isGreaterThanOrEqualTo(day.get(i - 1).get(Quantity.METER_EXPORT_ENERGY));
        }
        double imported = day.get(day.size() - 1).get(Quantity.METER_IMPORT_ENERGY) - day.get(0).get(Quantity.METER_IMPORT_ENERGY);
        double exported = day.get(day.size() - 1).get(Quantity.METER_EXPORT_ENERGY) - day.get(0).get(Quantity.METER_EXPORT_ENERGY);
        double net = day.stream().skip(1).mapToDouble(s -> s.get(Quantity.METER_POWER) * STEP.toMinutes() / 60.0).sum();
        assertThat(imported - exported).isCloseTo(net, org.assertj.core.data.Offset.offset(day.size() * 2.0));
    }

    @Test
    void isDeterministicForASeed() {
        assertThat(day(7)).isEqualTo(day(7));
        assertThat(day(7)).isNotEqualTo(day(8));
    }
}
