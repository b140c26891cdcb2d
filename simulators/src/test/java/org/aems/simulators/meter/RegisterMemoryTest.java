package org.aems.simulators.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.time.Jst;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.site.SiteModel;
import org.aems.simulators.site.SiteStep;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.Weather;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterMemoryTest {

    private static final Instant NOON = LocalDate.of(2026, 5, 12).atTime(12, 0).atZone(Jst.ZONE).toInstant();
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final List<Quantity> REGISTERS = List.of(Quantity.METER_IMPORT_ENERGY, Quantity.METER_EXPORT_ENERGY,
            Quantity.PV_ENERGY);

    @TempDir
    Path dir;

    private static RegionModel region() {
        return new RegionModel(BundledRegions.scenario("demo"), 0, 42, new Weather(42, Sky.CLEAR), PhysicsOptions.DEFAULT);
    }

    /** Each register reading of a step, keyed by device and quantity. */
    private static Map<String, Double> registers(List<SiteStep> steps) {
        Map<String, Double> values = new HashMap<>();
        for (SiteStep step : steps) {
            for (Reading r : step.readings()) {
                if (REGISTERS.contains(r.quantity())) {
                    values.put(r.site().value() + "/" + r.device().value() + "/" + r.quantity(), r.value());
                }
            }
        }
        return values;
    }

    private static List<SiteStep> step(RegionModel region, Instant to) {
        return region.sites().stream().map(site -> site.step(region.context(to, STEP))).toList();
    }

    @Test
    void aRestartedRunContinuesEveryRegisterFromWhereTheLastOneStopped() {
        RegisterMemory memory = new RegisterMemory(dir.resolve("simulator/registers.properties"));
        RegionModel first = region();
        Map<String, Double> lastSent = Map.of();
        for (Instant t = NOON; t.isBefore(NOON.plus(Duration.ofHours(3))); t = t.plus(STEP)) {
            lastSent = registers(step(first, t));
            Map<String, Double> now = new HashMap<>();
            first.sites().forEach(site -> site.registersInto(now));
            memory.save(now);
        }

        // The same region started again an hour later, with and without its memory.
        Instant restart = NOON.plus(Duration.ofHours(4));
        RegionModel forgetful = region();
        Map<String, Double> forgotten = registers(step(forgetful, restart));
        RegionModel resumed = region();
        Map<String, Double> memoryRead = memory.load();
        int found = resumed.sites().stream().mapToInt(site -> site.resume(memoryRead)).sum();
        Map<String, Double> continued = registers(step(resumed, restart));

        assertThat(found).isEqualTo(memoryRead.size()).isGreaterThan(100);
        int below = 0;
        for (Map.Entry<String, Double> sent : lastSent.entrySet()) {
            assertThat(continued.get(sent.getKey())).as(sent.getKey()).isGreaterThanOrEqualTo(sent.getValue());
            below += forgotten.get(sent.getKey()) < sent.getValue() ? 1 : 0;
        }
        // Why the memory exists: seeded values go back below three hours of midday use and generation.
        assertThat(below).isGreaterThan(lastSent.size() / 2);
    }

    @Test
    void aFirstRunStartsAtTheSeededValues() {
        assertThat(new RegisterMemory(dir.resolve("none.properties")).load()).isEmpty();
    }

    @Test
    void anUnreadableFileStopsTheRunAndSaysHowToStartAfresh() throws Exception {
        Path file = dir.resolve("registers.properties");
        Files.writeString(file, "demo-001/meter-1/import=twelve\n");
        assertThatThrownBy(() -> new RegisterMemory(file).load()).isInstanceOf(IllegalStateException.class)
                .hasMessage("register 'demo-001/meter-1/import' in " + file
                        + " is not a number: 'twelve'; delete the file to start the simulated meters afresh");
    }

    @Test
    void aDeviceTheMemoryDoesNotKnowKeepsItsSeededStart() {
        SiteModel site = region().sites().get(0);
        assertThat(site.resume(Map.of("demo-999/meter-1/import", 5.0))).isZero();
    }
}
