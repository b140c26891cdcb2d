package org.aems.simulators.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.MetrologyClass;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.SmartMeter;
import org.aems.core.grid.Validity;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.unit.Energy;
import org.junit.jupiter.api.Test;

class MeterModelTest {

    private static final SmartMeter METER = new SmartMeter(DeviceId.of("meter-1"), Validity.from(LocalDate.of(2024, 4, 1)),
            MetrologyClass.CERTIFIED, Energy.ofKilowattHours(100));
    private static final SiteId SITE = SiteId.of("demo-001");

    @Test
    void fixesBothRegistersAtEveryHalfHourBoundaryCrossedWithTheBoundaryAsTimestamp() {
        MeterModel meter = new MeterModel(METER, SITE, 1, 1, 0, 0);
        long import0 = meter.importRegisterWh();
        Instant from = Instant.parse("2026-05-12T02:20:00Z");
        List<Reading> fixed = new ArrayList<>();
        meter.advance(from, from.plus(Duration.ofMinutes(20)), 1_200, fixed);
        assertThat(fixed).extracting(Reading::quantity).containsExactly(Quantity.METER_IMPORT_ENERGY_FIXED,
                Quantity.METER_EXPORT_ENERGY_FIXED);
        assertThat(fixed.get(0).timestamp()).isEqualTo(Instant.parse("2026-05-12T02:30:00Z"));
        // 10 minutes at 1.2 kW before the boundary: 200 Wh; 400 Wh over the whole step
        assertThat(fixed.get(0).value()).isEqualTo(import0 + 200.0);
        assertThat(meter.importRegisterWh()).isEqualTo(import0 + 400);
    }

    @Test
    void rollsRegistersOverAtTheMetersLimit() {
        MeterModel meter = new MeterModel(METER, SITE, 1, 1, 1.0, 0); // starts within 31 kWh of its 100 kWh limit
        long start = meter.importRegisterWh();
        assertThat(start).isGreaterThan(60_000);
        Instant t = Instant.parse("2026-05-12T00:00:00Z");
        meter.advance(t, t.plus(Duration.ofHours(10)), 4_000, new ArrayList<>());
        assertThat(meter.rollovers()).isEqualTo(1);
        assertThat(meter.importRegisterWh()).isEqualTo(start + 40_000 - 100_000);
    }

    @Test
    void aReplacedMeterStartsAtZero() {
        MeterModel meter = new MeterModel(METER, SITE, 1, 1, 0, 8760 * 12); // certain within any 5-minute step
        Instant t = Instant.parse("2026-05-12T00:00:00Z");
        assertThat(meter.advance(t, t.plus(Duration.ofMinutes(5)), -600, new ArrayList<>())).isTrue();
        assertThat(meter.importRegisterWh()).isZero();
        assertThat(meter.exportRegisterWh()).isEqualTo(50);
    }
}
