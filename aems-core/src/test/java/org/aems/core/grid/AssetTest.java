package org.aems.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

class AssetTest {

    private static final Validity ALWAYS = Validity.from(LocalDate.of(2020, 1, 1));
    private static final DeviceId ID = DeviceId.of("dev-1");

    @Test
    void batteryNeedsPositiveCapacityAndPowerMagnitudes() {
        Battery kuno = new Battery(ID, ALWAYS, true, Energy.ofKilowattHours(1580), Power.ofKilowatts(500),
                Power.ofKilowatts(500), Efficiency.of(0.95), Efficiency.of(0.95));
        assertThat(kuno.curtailable()).isTrue();
        assertThatThrownBy(() -> new Battery(ID, ALWAYS, true, Energy.ofKilowattHours(10), Power.ofKilowatts(5),
                Power.ofKilowatts(-5), Efficiency.of(0.95), Efficiency.of(0.95)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("battery capacity and max charge/discharge power must be positive, were 10 kWh, 5 kW, -5 kW");
    }

    @Test
    void onlyAV2xChargerMayDischarge() {
        assertThat(new EvCharger(ID, ALWAYS, true, Power.ofKilowatts(6), Power.ofKilowatts(6), true).v2x()).isTrue();
        assertThat(new EvCharger(ID, ALWAYS, true, Power.ofKilowatts(6), Power.ZERO, false).maxDischarge()).isEqualTo(Power.ZERO);
        assertThatThrownBy(() -> new EvCharger(ID, ALWAYS, true, Power.ofKilowatts(6), Power.ofKilowatts(6), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only a V2X charger can discharge; set v2x or max discharge 0, was 6 kW");
        assertThatThrownBy(() -> new EvCharger(ID, ALWAYS, true, Power.ZERO, Power.ZERO, false))
                .hasMessage("EV charger max charge must be positive and max discharge >= 0, were 0 W and 0 W");
    }

    @Test
    void pvArrayValidatesPowerAndOrientation() {
        PvArray roof = new PvArray(ID, ALWAYS, false, Power.ofKilowatts(5.5), Power.ofKilowatts(4.95), 30, 180);
        assertThat(roof.peakPower()).isEqualTo(Power.ofWatts(5500));
        assertThatThrownBy(() -> new PvArray(ID, ALWAYS, false, Power.ofKilowatts(5.5), Power.ofKilowatts(4.95), 30, 360))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PV tilt must be within 0..90 degrees and azimuth 0..<360, were 30.0 and 360.0");
        assertThatThrownBy(() -> new PvArray(ID, ALWAYS, false, Power.ZERO, Power.ofKilowatts(4.95), 30, 180))
                .hasMessage("PV peak power and inverter limit must be positive, were 0 W and 4.95 kW");
    }

    @Test
    void smartMeterIsNeverCurtailable() {
        SmartMeter meter = new SmartMeter(ID, ALWAYS, MetrologyClass.CERTIFIED, Energy.ofWattHours(100_000_000));
        assertThat(meter.curtailable()).isFalse();
        assertThat(meter.registerRollover().toKilowattHours()).isEqualByComparingTo("100000");
        assertThatThrownBy(() -> new SmartMeter(ID, ALWAYS, MetrologyClass.CERTIFIED, Energy.ZERO))
                .hasMessage("meter register rollover must be positive, was 0 kWh");
    }

    @Test
    void flowLimitsArePositiveMagnitudes() {
        assertThat(new FlowLimits(Power.ofKilowatts(2000), Power.ofKilowatts(6000)).reverseFlowLimit())
                .isEqualTo(Power.ofWatts(2_000_000));
        assertThatThrownBy(() -> new FlowLimits(Power.ofKilowatts(-2000), Power.ofKilowatts(6000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limits are positive magnitudes; reverse-flow limit was -2000 kW, import limit 6000 kW");
    }
}
