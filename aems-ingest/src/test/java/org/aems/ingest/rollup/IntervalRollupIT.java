package org.aems.ingest.rollup;

import static org.aems.ingest.rollup.RollupHarness.jst;
import static org.aems.ingest.rollup.RollupHarness.slot;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.LongToDoubleFunction;
import org.aems.ingest.rollup.RollupHarness.StoredFeederInterval;
import org.aems.ingest.rollup.RollupHarness.StoredInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rollup against the real PostgreSQL: telemetry rows in, {@code site_interval} and {@code feeder_interval}
 * rows out, with a clock the tests move instead of sleeping. Each test starts from an empty telemetry table
 * and watermark, as a fresh installation. // #3
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntervalRollupIT {

    private static final String IMPORT = "meter.import.energy";
    private static final String EXPORT = "meter.export.energy";
    private static final String IMPORT_FIXED = "meter.import.energy.fixed";
    private static final String EXPORT_FIXED = "meter.export.energy.fixed";

    private RollupHarness h;
    private String a;
    private String b;

    @BeforeAll
    void createDatabase() {
        h = new RollupHarness("ro" + UUID.randomUUID().toString().substring(0, 6));
        a = h.siteA;
        b = h.siteB;
    }

    @BeforeEach
    void startEmpty() {
        h.reset();
    }

    @Test
    void slotOneStartsAtMidnightJstNotUtc() {
        h.clock.set(jst("2026-05-12 00:30:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "00:00=1000 00:30=1060");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "00:00=500 00:30=500");

        h.runAt("2026-05-12 00:31");

        StoredInterval first = h.interval(a, slot("2026-05-12", 1)).orElseThrow();
        assertThat(first.slotStart()).isEqualTo(Instant.parse("2026-05-11T15:00:00Z"));
        assertThat(first.slotDate()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(first.slotIndex()).isEqualTo(1);
        assertThat(first.importWh()).isEqualTo(60);
        assertThat(first.source()).isEqualTo("FIXED_VALUE");
        // UTC midnight is 09:00 JST (slot 19), nowhere near this data.
        assertThat(h.count("SELECT count(*) FROM site_interval WHERE slot_start = '2026-05-12T00:00:00Z'")).isZero();
        assertThat(h.count("SELECT count(*) FROM site_interval WHERE slot_index = 1 AND slot_start = date_bin('30 minutes', "
                + "TIMESTAMPTZ '2026-05-12 00:10:00+09', TIMESTAMPTZ '2000-01-01 00:00:00+09')")).isEqualTo(2);
    }

    @Test
    void slotFortyEightEndsTheMonthAndSlotOneStartsTheNext() {
        h.clock.set(jst("2026-06-01 00:44"));
        h.readings(a, "meter-1", IMPORT, "2026-05-31", "23:20=1000 23:40=1100 23:50=1200");
        h.readings(a, "meter-1", IMPORT, "2026-06-01", "00:10=1400 00:20=1500 00:40=1600");
        h.readings(a, "meter-1", EXPORT, "2026-05-31", "23:20=0");
        h.readings(a, "meter-1", EXPORT, "2026-06-01", "00:40=0");

        h.runAt("2026-06-01 00:45");

        StoredInterval last = h.interval(a, slot("2026-05-31", 48)).orElseThrow();
        StoredInterval first = h.interval(a, slot("2026-06-01", 1)).orElseThrow();
        assertThat(last.slotStart()).isEqualTo(Instant.parse("2026-05-31T14:30:00Z"));
        assertThat(first.slotStart()).isEqualTo(Instant.parse("2026-05-31T15:00:00Z"));
        assertThat(first.slotDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        // Register 1,050 Wh at 23:30, 1,300 Wh at 00:00, 1,550 Wh at 00:30, interpolated across the month edge.
        assertThat(last.importWh()).isEqualTo(250);
        assertThat(first.importWh()).isEqualTo(250);
        assertThat(h.feederInterval(slot("2026-05-31", 48)).orElseThrow().slotIndex()).isEqualTo(48);
        assertThat(h.feederInterval(slot("2026-06-01", 1)).orElseThrow().slotDate()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void interpolatesRegistersAtSlotBoundariesFromTheReadingsAroundThem() {
        // Readings every 30 s at :15 and :45, never on a boundary: import 20 Wh/min, export 2 Wh/min.
        h.clock.set(jst("2026-05-12 13:00:30"));
        h.readings(a, "meter-1", IMPORT, "2026-05-12", every("11:00:15", "13:00:15", 30, s -> 100_000 + s / 3.0));
        h.readings(a, "meter-1", EXPORT, "2026-05-12", every("11:00:15", "13:00:15", 30, s -> 5_000 + s / 30.0));

        h.runAt("2026-05-12 13:01");

        StoredInterval noon = h.interval(a, slot("2026-05-12", 25)).orElseThrow();
        assertThat(noon.importWh()).isEqualTo(600);
        assertThat(noon.exportWh()).isEqualTo(60);
        assertThat(noon.quality()).isEqualTo("MEASURED");
        assertThat(noon.source()).isEqualTo("REGISTER_INTERPOLATED");
        assertThat(noon.completeness()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(noon.note()).isNull();
        assertThat(h.interval(a, slot("2026-05-12", 24)).orElseThrow().importWh()).isEqualTo(600);
    }

    @Test
    void aDayOfSlotsAddsUpToTheRegisterDeltaExactly() {
        // Readings every 37 s, none on a boundary, whole Wh of a register growing 0.737 Wh/s: every boundary
        // value is interpolated to a fraction. The meter fixed its value only at 01:00 and 23:00. // #6 invariant
        LongToDoubleFunction register = s -> Math.floor(100_000 + s * 0.737);
        h.clock.set(jst("2026-05-12 23:30:30"));
        h.readings(a, "meter-1", IMPORT, "2026-05-12", every("00:30:00", "23:30:00", 37, register));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "01:00=" + (long) register.applyAsDouble(1800)
                + " 23:00=" + (long) register.applyAsDouble(81000));
        h.readings(a, "meter-1", EXPORT, "2026-05-12", every("00:30:00", "23:30:00", 600, s -> 0));

        h.runAt("2026-05-12 23:31");

        long sum = 0;
        for (int n = 3; n <= 46; n++) {
            StoredInterval interval = h.interval(a, slot("2026-05-12", n)).orElseThrow();
            assertThat(interval.quality()).isEqualTo("MEASURED");
            assertThat(interval.importWh()).isNotNegative();
            sum += interval.importWh();
        }
        assertThat(sum).isEqualTo((long) register.applyAsDouble(81000) - (long) register.applyAsDouble(1800));
    }

    @Test
    void prefersFixedValuesAtBothBoundariesOverInterpolation() {
        h.clock.set(jst("2026-05-12 13:00:30"));
        h.readings(a, "meter-1", IMPORT, "2026-05-12", every("11:00:15", "13:00:15", 30, s -> 100_000 + s / 3.0));
        // The meter fixed 101,190 Wh at 12:00 (interpolation would say 101,200) and 101,800 Wh at 12:30.
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=101190 12:30=101800");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=6000 12:30=6000");

        h.runAt("2026-05-12 13:01");

        StoredInterval noon = h.interval(a, slot("2026-05-12", 25)).orElseThrow();
        assertThat(noon.importWh()).isEqualTo(610);
        assertThat(noon.exportWh()).isZero();
        assertThat(noon.source()).isEqualTo("FIXED_VALUE");
        assertThat(noon.quality()).isEqualTo("MEASURED");
    }

    @Test
    void addsTheRolloverWhenTheRegisterWraps() {
        h.clock.set(jst("2026-05-12 12:30:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=99999900 12:30=100");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=0 12:30=0");

        h.runAt("2026-05-12 12:31");

        StoredInterval noon = h.interval(a, slot("2026-05-12", 25)).orElseThrow();
        assertThat(noon.importWh()).isEqualTo(200);
        assertThat(noon.quality()).isEqualTo("MEASURED");
        assertThat(noon.note()).isEqualTo("import: register rolled over at 100000000 Wh");
    }

    @Test
    void flagsAMeterReplacementAsEstimatedInsteadOfANegativeEnergy() {
        h.clock.set(jst("2026-05-12 12:30:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=5000000 12:30=150");
        h.readings(a, "meter-1", IMPORT, "2026-05-12", "12:10=5000100 12:20=50");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=0 12:30=0");

        h.runAt("2026-05-12 12:31");

        StoredInterval noon = h.interval(a, slot("2026-05-12", 25)).orElseThrow();
        // 100 Wh before the replacement and 100 Wh after it, in 20 of the 30 minutes: 300 Wh pro-rated.
        assertThat(noon.importWh()).isEqualTo(300);
        assertThat(noon.quality()).isEqualTo("ESTIMATED");
        assertThat(noon.completeness()).isEqualByComparingTo("0.666667");
        assertThat(noon.note()).contains("dropped from 5000100 to 50 Wh", "replaced or reset");
    }

    @Test
    void recomputesAClosedSlotWhenLateDataArrivesAndBumpsItsRevision() {
        h.clock.set(jst("2026-05-12 12:20:30"));
        h.readings(a, "meter-1", IMPORT, "2026-05-12", "11:50=1000 12:10=1200 12:20=1300");
        h.readings(a, "meter-1", EXPORT, "2026-05-12", "11:50=0 12:20=0");
        h.runAt("2026-05-12 12:31");
        StoredInterval before = h.interval(a, slot("2026-05-12", 25)).orElseThrow();

        h.clock.set(jst("2026-05-12 13:05"));
        h.reading(a, "meter-1", IMPORT, "2026-05-12 12:40", 1600);
        h.reading(a, "meter-1", EXPORT, "2026-05-12 12:40", 0);
        h.runAt("2026-05-12 13:05:10");
        StoredInterval after = h.interval(a, slot("2026-05-12", 25)).orElseThrow();
        RollupRun again = h.runAt("2026-05-12 13:05:30");

        assertThat(before.quality()).isEqualTo("ESTIMATED");
        assertThat(before.completeness()).isEqualByComparingTo("0.666667");
        assertThat(before.revision()).isEqualTo(1);
        assertThat(after.quality()).isEqualTo("MEASURED");
        assertThat(after.importWh()).isEqualTo(350); // 1,100 Wh at 12:00 to 1,450 Wh at 12:30
        assertThat(after.revision()).isEqualTo(2);
        assertThat(again.slotsComputed()).as("the overlap rescans the late readings").isPositive();
        assertThat(again.siteIntervalsWritten()).as("unchanged values are not rewritten").isZero();
        assertThat(h.interval(a, slot("2026-05-12", 25)).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void fillsTheSlotsOfAGapWhenTheReadingAfterItArrives() {
        h.clock.set(jst("2026-05-12 12:10:30"));
        h.readings(a, "meter-1", IMPORT, "2026-05-12", "11:50=1000 12:10=1200");
        h.readings(a, "meter-1", EXPORT, "2026-05-12", "11:50=0 12:10=0");
        h.runAt("2026-05-12 12:31");
        h.runAt("2026-05-12 13:01");
        h.runAt("2026-05-12 13:31");
        assertThat(h.interval(a, slot("2026-05-12", 26)).orElseThrow().quality()).isEqualTo("MISSING");

        h.clock.set(jst("2026-05-12 13:41"));
        h.reading(a, "meter-1", IMPORT, "2026-05-12 13:40", 2100);
        h.reading(a, "meter-1", EXPORT, "2026-05-12 13:40", 0);
        h.runAt("2026-05-12 13:41:30");

        // 900 Wh from 12:10 to 13:40, 10 Wh a minute, interpolated across the 90-minute gap.
        for (int index = 25; index <= 27; index++) {
            StoredInterval filled = h.interval(a, slot("2026-05-12", index)).orElseThrow();
            assertThat(filled.importWh()).as("slot %d", index).isEqualTo(300);
            assertThat(filled.quality()).as("slot %d", index).isEqualTo("MEASURED");
            assertThat(filled.revision()).as("slot %d", index).isEqualTo(2);
        }
    }

    @Test
    void recordsAGapAsMissingNotZero() {
        double missingBefore = h.intervalsCounted(IntervalQuality.MISSING);
        h.clock.set(jst("2026-05-12 12:30:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=1000 12:30=1100");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=0 12:30=0");

        h.runAt("2026-05-12 12:31");

        StoredInterval silent = h.interval(b, slot("2026-05-12", 25)).orElseThrow();
        assertThat(silent.quality()).isEqualTo("MISSING");
        assertThat(silent.source()).isEqualTo("NONE");
        assertThat(silent.importWh()).isNull();
        assertThat(silent.exportWh()).isNull();
        assertThat(silent.completeness()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(h.intervalsCounted(IntervalQuality.MISSING)).isGreaterThan(missingBefore);
    }

    @Test
    void feederSumsEqualTheSumOfItsSites() {
        h.clock.set(jst("2026-05-12 12:30:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=1000 12:30=1300");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=2000 12:30=2070");
        h.readings(a, "pv-1", "pv.power", "2026-05-12", every("12:00", "12:29", 60, s -> 2000));
        h.readings(b, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=500 12:30=600");
        h.readings(b, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=100 12:30=150");
        h.runAt("2026-05-12 12:31");
        h.clock.set(jst("2026-05-12 13:00:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "13:00=1400");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "13:00=2070");
        h.runAt("2026-05-12 13:01");

        StoredFeederInterval both = h.feederInterval(slot("2026-05-12", 25)).orElseThrow();
        assertThat(both.importWh()).isEqualTo(300 + 100);
        assertThat(both.exportWh()).isEqualTo(70 + 50);
        // Only site a's surplus is ours to buy (卒FIT); site b's 50 Wh still flows back onto the feeder.
        assertThat(both.buybackExportWh()).isEqualTo(70);
        assertThat(both.netImportWh()).isEqualTo(400 - 120);
        assertThat(both.pvWh()).isEqualTo(1000);
        assertThat(both.siteCount()).isEqualTo(2);
        assertThat(both.sitesReporting()).isEqualTo(2);
        assertThat(both.importWh()).isEqualTo(h.count("SELECT sum(import_wh) FROM site_interval WHERE slot_start = '"
                + slot("2026-05-12", 25).start() + "'"));
        StoredFeederInterval oneSilent = h.feederInterval(slot("2026-05-12", 26)).orElseThrow();
        assertThat(oneSilent.importWh()).isEqualTo(100);
        assertThat(oneSilent.siteCount()).isEqualTo(2);
        assertThat(oneSilent.sitesReporting()).isEqualTo(1);
    }

    @Test
    void integratesDevicePowerIntoChargeAndDischargeByItsSign() {
        h.clock.set(jst("2026-05-12 12:30:05"));
        h.readings(a, "bat-1", "battery.power", "2026-05-12", "11:58=4000");
        h.readings(a, "bat-1", "battery.power", "2026-05-12", every("12:00", "12:29", 60, s -> s < 900 ? 2000 : -1000));
        h.readings(a, "ev-1", "ev.power", "2026-05-12", every("12:00", "12:29", 60, s -> -3000));
        h.readings(a, "pv-1", "pv.power", "2026-05-12", every("12:00", "12:29", 60, s -> 3000));
        h.readings(a, "meter-1", "meter.power", "2026-05-12", every("12:00", "12:29", 60, s -> s == 420 ? 1800 : s < 1200 ? 1000 : -500));

        h.runAt("2026-05-12 12:31");

        StoredInterval noon = h.interval(a, slot("2026-05-12", 25)).orElseThrow();
        assertThat(noon.batteryChargeWh()).isEqualTo(500);
        assertThat(noon.batteryDischargeWh()).isEqualTo(250);
        assertThat(noon.evChargeWh()).isZero();
        assertThat(noon.evDischargeWh()).isEqualTo(1500);
        assertThat(noon.pvWh()).isEqualTo(1500);
        assertThat(noon.peakImportW()).isEqualTo(1800);
        assertThat(noon.peakExportW()).isEqualTo(500);
        assertThat(noon.avgPowerW()).isEqualTo(527); // ((19 × 1,000 + 1,800) − 10 × 500) / 30
        // No register: import/export from meter.power, flagged.
        assertThat(noon.importWh()).isEqualTo(347);
        assertThat(noon.exportWh()).isEqualTo(83);
        assertThat(noon.source()).isEqualTo("POWER_INTEGRATED");
        assertThat(noon.quality()).isEqualTo("ESTIMATED");
    }

    @Test
    void computesASlotWithinAMinuteOfClosingAndNotBefore() {
        h.clock.set(jst("2026-05-12 12:29:45"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=1000");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=0");
        h.runAt("2026-05-12 12:29:50");
        assertThat(h.interval(a, slot("2026-05-12", 25))).as("open").isEmpty();

        h.clock.set(jst("2026-05-12 12:30:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:30=1200");
        h.readings(a, "meter-1", EXPORT_FIXED, "2026-05-12", "12:30=0");
        h.runAt("2026-05-12 12:30:20");
        assertThat(h.interval(a, slot("2026-05-12", 25))).as("closed 20 s ago, within the close delay").isEmpty();

        h.runAt("2026-05-12 12:30:40");
        assertThat(h.interval(a, slot("2026-05-12", 25))).hasValueSatisfying(i -> {
            assertThat(i.importWh()).isEqualTo(200);
            assertThat(i.source()).isEqualTo("FIXED_VALUE");
        });
        assertThat(h.interval(b, slot("2026-05-12", 25))).as("every site gets the closed slot").isPresent();
    }

    @Test
    void picksUpReadingsCommittedAfterTheWatermarkWithinTheOverlap() {
        h.clock.set(jst("2026-05-12 12:31"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=1000 12:30=1100");
        h.runAt("2026-05-12 12:31:00");
        assertThat(h.interval(b, slot("2026-05-12", 25)).orElseThrow().quality()).isEqualTo("MISSING");

        // Stamped at 12:30:50 by another instance, committed after the run above had scanned up to 12:31:00.
        h.clock.set(jst("2026-05-12 12:30:50"));
        h.readings(b, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=500 12:30=650");
        h.readings(b, "meter-1", EXPORT_FIXED, "2026-05-12", "12:00=0 12:30=0");
        h.runAt("2026-05-12 12:31:20");

        StoredInterval late = h.interval(b, slot("2026-05-12", 25)).orElseThrow();
        assertThat(late.importWh()).isEqualTo(150);
        assertThat(late.revision()).isEqualTo(2);
    }

    @Test
    void onlyOneInstanceRollsUpAtATime() throws Exception {
        h.clock.set(jst("2026-05-12 12:30:05"));
        h.readings(a, "meter-1", IMPORT_FIXED, "2026-05-12", "12:00=1000 12:30=1100");
        try (Connection other = h.dataSource.getConnection()) {
            lock(other, "SELECT pg_advisory_lock(?)");

            RollupRun blocked = h.runAt("2026-05-12 12:31");

            assertThat(blocked.ran()).isFalse();
            assertThat(h.count("SELECT count(*) FROM site_interval")).isZero();
            assertThat(h.count("SELECT count(*) FROM rollup_watermark WHERE scanned_until IS NULL")).isEqualTo(1);
            lock(other, "SELECT pg_advisory_unlock(?)");
        }

        RollupRun free = h.runAt("2026-05-12 12:31:10");

        assertThat(free.ran()).isTrue();
        assertThat(h.interval(a, slot("2026-05-12", 25))).isPresent();
    }

    private static void lock(Connection c, String sql) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, IntervalRollup.LOCK_KEY);
            q.execute();
        }
    }

    /** Points "HH:mm:ss=value" from {@code from} to {@code to} (JST times of one day) every {@code seconds}. */
    private static String every(String from, String to, int seconds, LongToDoubleFunction valueAtSecond) {
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        StringJoiner points = new StringJoiner(" ");
        for (long s = 0; !start.plusSeconds(s).isAfter(end); s += seconds) {
            points.add(start.plusSeconds(s) + "=" + valueAtSecond.applyAsDouble(s));
        }
        return points.toString();
    }
}
