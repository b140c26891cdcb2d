package org.aems.ingest.rollup;

import static org.aems.ingest.rollup.IntervalQuality.ESTIMATED;
import static org.aems.ingest.rollup.IntervalQuality.MEASURED;
import static org.aems.ingest.rollup.IntervalQuality.MISSING;
import static org.aems.ingest.rollup.IntervalSource.FIXED_VALUE;
import static org.aems.ingest.rollup.IntervalSource.NONE;
import static org.aems.ingest.rollup.IntervalSource.POWER_INTEGRATED;
import static org.aems.ingest.rollup.IntervalSource.REGISTER_INTERPOLATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calculator slot by slot: each row is one slot's readings and the interval expected from them. The
 * slot is 2026-05-12#25, 12:00–12:30 JST; register points are written "HH:mm[:ss]=Wh", with "F" after
 * the time for a value the meter fixed at the boundary (0xEA/0xEB). Default settings: interpolation
 * across at most 2 h, a site draws at most 2,000 kW, registers wrap at 100,000,000 Wh.
 */
class IntervalCalculatorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 12);
    private static final SiteSlot KEY = new SiteSlot(SiteId.of("s-1"), Slot.of(DAY, 25));
    private static final long SLOT_MS = Duration.ofMinutes(30).toMillis();
    private static final Energy WRAP = Energy.ofWattHours(100_000_000);

    private final IntervalCalculator calculator = new IntervalCalculator(Duration.ofHours(2), Power.ofWatts(2_000_000));

    static Stream<Arguments> gridExchange() {
        String flatExport = "12:00F=7000 12:30F=7000";
        return Stream.of(
                // case                                          import register                                       export register          meter power         import  export  quality    source                 completeness
                arguments("fixed values at both boundaries", "12:00F=5000000 12:30F=5000420", flatExport, null, 420L, 0L, MEASURED, FIXED_VALUE, "1"),
                arguments("fixed values win over readings that disagree",
                        "11:59=4999000 12:00F=5000000 12:10=5000050 12:30F=5000420 12:31=5001000", flatExport, null, 420L, 0L, MEASURED, FIXED_VALUE, "1"),
                arguments("fixed values win over meter power", "12:00F=5000000 12:30F=5000420", flatExport, power(30, 9000, 0, 9000, 9000),
                        420L, 0L, MEASURED, FIXED_VALUE, "1"),
                arguments("interpolated at both boundaries", "11:50=1000 12:10=1200 12:20=1300 12:40=1500", "11:50=0 12:40=0", null,
                        300L, 0L, MEASURED, REGISTER_INTERPOLATED, "1"),
                arguments("fixed at one boundary, interpolated at the other", "12:00F=1000 12:20=1100 12:40=1300", flatExport, null,
                        200L, 0L, MEASURED, REGISTER_INTERPOLATED, "1"),
                arguments("readings exactly on the boundaries", "12:00=1000 12:30=1250", "12:00=5 12:30=5", null,
                        250L, 0L, MEASURED, REGISTER_INTERPOLATED, "1"),
                arguments("exports while importing nothing", "12:00F=800 12:30F=800", "12:00F=1000 12:30F=1900", null,
                        0L, 900L, MEASURED, FIXED_VALUE, "1"),
                arguments("rollover between fixed values adds the wrap value", "12:00F=99999900 12:30F=100", flatExport, null,
                        200L, 0L, MEASURED, FIXED_VALUE, "1"),
                arguments("rollover between readings adds the wrap value", "11:55=99999950 12:05=50 12:25=250 12:35=350", flatExport, null,
                        300L, 0L, MEASURED, REGISTER_INTERPOLATED, "1"),
                // The register went from 1000 (fixed) to 1300 (interpolated at 12:30): the skewed 990 adds nothing.
                arguments("a raw reading slightly below the fixed value before it is clock skew, not a reset",
                        "11:50=900 12:00F=1000 12:00:05=990 12:20=1200 12:40=1400", "11:50=0 12:40=0", null,
                        300L, 0L, MEASURED, REGISTER_INTERPOLATED, "1"),
                arguments("meter replaced inside the slot: the reset stretch is left out, the rest pro-rated",
                        "12:00F=5000000 12:10=5000100 12:20=50 12:30F=150", flatExport, null, 300L, 0L, ESTIMATED, REGISTER_INTERPOLATED, "0.666667"),
                arguments("meter replaced between the fixed values only: no import, never negative", "12:00F=5000000 12:30F=150",
                        flatExport, null, null, 0L, ESTIMATED, FIXED_VALUE, "0"),
                arguments("implausible jump is a meter change, not 9 MWh", "12:00F=1000 12:30F=9001000", flatExport, null,
                        null, 0L, ESTIMATED, FIXED_VALUE, "0"),
                arguments("data starting inside the slot is pro-rated", "12:10=1000 12:20=1100 12:40=1300", "12:10=0 12:40=0", null,
                        300L, 0L, ESTIMATED, REGISTER_INTERPOLATED, "0.666667"),
                arguments("readings too far apart are not interpolated", "10:00=1000 12:20=2000 12:40=2100", "10:00=0 12:20=0 12:40=0", null,
                        150L, 0L, ESTIMATED, REGISTER_INTERPOLATED, "0.333333"),
                arguments("register without usable points falls back to meter power", "10:00=1000", "10:00=0",
                        power(30, 1000, 0, 1200, 800), 500L, 0L, ESTIMATED, POWER_INTEGRATED, "1"),
                arguments("meter power only, covering half the slot", null, null, power(15, 0, 2000, -1500, -2500),
                        0L, 1000L, ESTIMATED, POWER_INTEGRATED, "0.5"),
                arguments("export register missing: import kept, flagged", "12:00F=1000 12:30F=1100", null, null,
                        100L, null, ESTIMATED, FIXED_VALUE, "0"),
                arguments("nothing reported is MISSING, not zero", null, null, null, null, null, MISSING, NONE, "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gridExchange")
    void importAndExportComeFromRegistersFirst(String name, String importPoints, String exportPoints, PowerSummary meterPower,
                                               Long importWh, Long exportWh, IntervalQuality quality, IntervalSource source,
                                               String completeness) {
        SlotReadings in = new SlotReadings(KEY, register("meter-1", importPoints), register("meter-1", exportPoints),
                Optional.ofNullable(meterPower), List.of(), List.of(), List.of(), List.of());

        SiteInterval out = calculator.calculate(in);

        assertThat(out.imported()).isEqualTo(Optional.ofNullable(importWh).map(Energy::ofWattHours));
        assertThat(out.exported()).isEqualTo(Optional.ofNullable(exportWh).map(Energy::ofWattHours));
        assertThat(out.quality()).isEqualTo(quality);
        assertThat(out.source()).isEqualTo(source);
        assertThat(out.completeness().value()).isEqualByComparingTo(new BigDecimal(completeness));
        assertThat(out.imported().map(Energy::isNegative).orElse(false)).isFalse();
        if (quality == MEASURED) {
            assertThat(out.notes()).noneMatch(n -> n.contains("replaced") || n.contains("pro-rated"));
        }
    }

    static Stream<Arguments> devices() {
        return Stream.of(
                // case                                   pv registers                            pv power                               battery power                                   ev power                              pv     bat+   bat-   ev+    ev-
                arguments("pv from its register", List.of(series("pv-1", "12:00=10000 12:30=11500")), List.of(), List.of(), List.of(),
                        1500L, null, null, null, null),
                arguments("pv from power when it has no register", List.of(), List.of(device("pv-1", 30, 3000, 0)), List.of(), List.of(),
                        1500L, null, null, null, null),
                arguments("a device's register wins over its power", List.of(series("pv-1", "12:00=10000 12:30=11500")),
                        List.of(device("pv-1", 30, 9999, 0)), List.of(), List.of(), 1500L, null, null, null, null),
                arguments("two inverters are summed", List.of(series("pv-1", "12:00=10000 12:30=11500")),
                        List.of(device("pv-2", 30, 1000, 0)), List.of(), List.of(), 2000L, null, null, null, null),
                arguments("battery charge and discharge split by sign (+ = charging)", List.of(), List.of(),
                        List.of(new PowerSummary("bat-1", SLOT_MS, 2000.0 * 900_000, 1000.0 * 900_000, 2000, -1000)), List.of(),
                        null, 500L, 250L, null, null),
                arguments("a battery that reported for half the slot is pro-rated", List.of(), List.of(),
                        List.of(device("bat-1", 15, 2000, 0)), List.of(), null, 1000L, 0L, null, null),
                arguments("EV V2X discharge is negative ev.power", List.of(), List.of(), List.of(), List.of(device("ev-1", 30, 0, 3000)),
                        null, null, null, 0L, 1500L),
                arguments("two EV chargers are summed", List.of(), List.of(), List.of(),
                        List.of(device("ev-1", 30, 6000, 0), device("ev-2", 30, 3000, 0)), null, null, null, 4500L, 0L),
                arguments("devices that reported nothing stay empty", List.of(), List.of(), List.of(), List.of(),
                        null, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void deviceEnergiesComeFromRegistersElsePowerIntegration(String name, List<RegisterSeries> pvRegisters, List<PowerSummary> pvPower,
                                                             List<PowerSummary> battery, List<PowerSummary> ev, Long pvWh,
                                                             Long chargeWh, Long dischargeWh, Long evChargeWh, Long evDischargeWh) {
        SlotReadings in = new SlotReadings(KEY, Optional.empty(), Optional.empty(), Optional.empty(), pvRegisters, pvPower, battery, ev);

        SiteInterval out = calculator.calculate(in);

        assertThat(out.pv()).isEqualTo(wh(pvWh));
        assertThat(out.batteryCharge()).isEqualTo(wh(chargeWh));
        assertThat(out.batteryDischarge()).isEqualTo(wh(dischargeWh));
        assertThat(out.evCharge()).isEqualTo(wh(evChargeWh));
        assertThat(out.evDischarge()).isEqualTo(wh(evDischargeWh));
        assertThat(out.quality()).as("device data alone says nothing about the grid exchange").isEqualTo(MISSING);
    }

    @Test
    void averagesMeterPowerOverTheCoveredTimeAndKeepsPeaksAsMagnitudes() {
        // 20 min importing 1,000 W on average, 10 min exporting 500 W: mean (20,000 − 5,000) / 30 = 500 W.
        PowerSummary meter = new PowerSummary("meter-1", SLOT_MS, 1000.0 * 1_200_000, 500.0 * 600_000, 1800, -700);

        SiteInterval out = calculator.calculate(meterOnly(meter));

        assertThat(out.averagePower()).contains(Power.ofWatts(500));
        assertThat(out.peakImport()).contains(Power.ofWatts(1800));
        assertThat(out.peakExport()).contains(Power.ofWatts(700));
    }

    @Test
    void aSiteThatOnlyExportedHasZeroPeakImportNotNone() {
        SiteInterval out = calculator.calculate(meterOnly(new PowerSummary("meter-1", SLOT_MS, 0, 900.0 * SLOT_MS, -200, -900)));

        assertThat(out.peakImport()).contains(Power.ZERO);
        assertThat(out.peakExport()).contains(Power.ofWatts(900));
        assertThat(out.averagePower()).contains(Power.ofWatts(-900));
    }

    @Test
    void notesNameTheRolloverAndTheMeterReplacement() {
        SlotReadings rolled = new SlotReadings(KEY, register("meter-1", "12:00F=99999900 12:30F=100"), register("meter-1", "12:00F=0 12:30F=0"),
                Optional.empty(), List.of(), List.of(), List.of(), List.of());
        SlotReadings replaced = new SlotReadings(KEY, register("meter-1", "12:00F=5000000 12:10=5000100 12:20=50 12:30F=150"),
                register("meter-1", "12:00F=0 12:30F=0"), Optional.empty(), List.of(), List.of(), List.of(), List.of());

        assertThat(calculator.calculate(rolled).noteText()).isEqualTo("import: register rolled over at 100000000 Wh");
        assertThat(calculator.calculate(replaced).notes()).containsExactly(
                "import: register dropped from 5000100 to 50 Wh between 2026-05-12T03:10:00Z and 2026-05-12T03:20:00Z"
                        + " (meter meter-1 replaced or reset?); that stretch is not counted",
                "import: register covers 67 % of the slot; pro-rated");
    }

    @Test
    void aDropWithoutAKnownWrapValueIsAResetNotARollover() {
        RegisterSeries noWrap = new RegisterSeries("pv-1", series("pv-1", "12:00=99999900 12:30=100").points(), Optional.empty());

        SiteInterval out = calculator.calculate(new SlotReadings(KEY, Optional.of(noWrap), register("meter-1", "12:00F=0 12:30F=0"),
                Optional.empty(), List.of(), List.of(), List.of(), List.of()));

        assertThat(out.imported()).isEmpty();
        assertThat(out.quality()).isEqualTo(ESTIMATED);
        assertThat(out.noteText()).contains("dropped from 99999900 to 100 Wh", "import: no data");
    }

    @Test
    void aMeasuredSlotHasNoNote() {
        SlotReadings in = new SlotReadings(KEY, register("meter-1", "12:00F=1000 12:30F=1100"), register("meter-1", "12:00F=0 12:30F=0"),
                Optional.empty(), List.of(), List.of(), List.of(), List.of());

        assertThat(calculator.calculate(in).noteText()).isNull();
    }

    @Test
    void slotOneUsesTheBoundariesAtMidnightJst() {
        // Slot 1 of 2026-05-12 is 2026-05-11T15:00Z – 15:30Z; fixed values stamped at those instants bound it.
        SiteSlot first = new SiteSlot(SiteId.of("s-1"), Slot.of(DAY, 1));
        RegisterSeries imported = new RegisterSeries("meter-1", List.of(
                new RegisterPoint(Instant.parse("2026-05-11T15:00:00Z"), 1000, true),
                new RegisterPoint(Instant.parse("2026-05-11T15:30:00Z"), 1060, true)), Optional.of(WRAP));

        SiteInterval out = calculator.calculate(new SlotReadings(first, Optional.of(imported), Optional.of(imported), Optional.empty(),
                List.of(), List.of(), List.of(), List.of()));

        assertThat(out.imported()).contains(Energy.ofWattHours(60));
        assertThat(out.source()).isEqualTo(FIXED_VALUE);
    }

    private static SlotReadings meterOnly(PowerSummary meter) {
        return new SlotReadings(KEY, Optional.empty(), Optional.empty(), Optional.of(meter), List.of(), List.of(), List.of(), List.of());
    }

    private static Optional<Energy> wh(Long value) {
        return Optional.ofNullable(value).map(Energy::ofWattHours);
    }

    /** Meter power held over {@code minutes} of the slot with the given mean import and export magnitudes. */
    private static PowerSummary power(int minutes, double importW, double exportW, double max, double min) {
        long covered = Duration.ofMinutes(minutes).toMillis();
        return new PowerSummary("meter-1", covered, importW * covered, exportW * covered, max, min);
    }

    private static PowerSummary device(String id, int minutes, double positiveW, double negativeW) {
        long covered = Duration.ofMinutes(minutes).toMillis();
        return new PowerSummary(id, covered, positiveW * covered, negativeW * covered, positiveW > 0 ? positiveW : -negativeW,
                negativeW > 0 ? -negativeW : positiveW);
    }

    private static Optional<RegisterSeries> register(String device, String points) {
        return points == null ? Optional.empty() : Optional.of(series(device, points));
    }

    private static RegisterSeries series(String device, String points) {
        List<RegisterPoint> parsed = new ArrayList<>();
        for (String point : points.trim().split("\\s+")) {
            String[] parts = point.split("=");
            boolean fixed = parts[0].endsWith("F");
            LocalTime time = LocalTime.parse(fixed ? parts[0].substring(0, parts[0].length() - 1) : parts[0]);
            parsed.add(new RegisterPoint(DAY.atTime(time).atZone(Jst.ZONE).toInstant(), Double.parseDouble(parts[1]), fixed));
        }
        return new RegisterSeries(device, parsed, device.startsWith("meter") ? Optional.of(WRAP) : Optional.empty());
    }
}
