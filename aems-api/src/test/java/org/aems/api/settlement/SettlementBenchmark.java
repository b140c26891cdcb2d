package org.aems.api.settlement;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Settles generated intervals for many sites and prints the run time against the bare SQL aggregation
 * over the same rows, measured in the same run (issue #6; not a test). Each site gets a buy-back
 * contract (70 % fixed, 20 % time-of-use, 10 % market-linked on a JEPX series).
 *
 * <pre>
 * AEMS_TEST_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres" \
 *   java -Xmx1g -cp ... org.aems.api.settlement.SettlementBenchmark [sites] [days]
 * </pre>
 * Defaults: 80,000 sites, 1 day (3.84 M intervals). The period runs from 2026-06-01 for {@code days}
 * days, as a meter-reading period so any length is allowed.
 */
public final class SettlementBenchmark {

    private static final String TOU = "{\"kind\":\"TIME_OF_USE\",\"bands\":["
            + "{\"dayType\":\"WEEKDAY\",\"firstSlot\":1,\"lastSlot\":19,\"price\":\"7\"},"
            + "{\"dayType\":\"WEEKDAY\",\"firstSlot\":20,\"lastSlot\":32,\"price\":\"12\"},"
            + "{\"dayType\":\"WEEKDAY\",\"firstSlot\":33,\"lastSlot\":48,\"price\":\"9\"},"
            + "{\"dayType\":\"WEEKEND_OR_HOLIDAY\",\"firstSlot\":1,\"lastSlot\":48,\"price\":\"8\"}]}";
    private static final String REFERENCE = "SELECT site_id, sum(export_wh), sum(import_wh) FROM site_interval"
            + " WHERE slot_start >= ? AND slot_start < ? GROUP BY site_id";

    private SettlementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 80_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        SettlementPeriod period = SettlementPeriod.meterReading(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1).plusDays(days));

        String url = TestInfrastructure.freshDatabase();
        try {
            measure(url, sites, days, period);
        } finally {
            // A month is ~20 GB: never leave it behind.
            String database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
            try (Connection c = java.sql.DriverManager.getConnection(TestInfrastructure.adminJdbcUrl()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database);
            }
        }
    }

    private static void measure(String url, int sites, int days, SettlementPeriod period) throws Exception {
        LocalDate from = period.from();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new TimescaleDbMigration()).load().migrate();

        long t0 = System.nanoTime();
        generate(dataSource, sites, period);
        System.out.printf("generated %,d intervals for %,d sites over %d day(s) in %.1f s%n",
                (long) sites * days * Slot.SLOTS_PER_DAY, sites, days, seconds(t0));

        SettlementSettings settings = new SettlementSettings(List.of());
        SettlementRunner runner = new SettlementRunner(dataSource, new ContractStore(dataSource), new SeriesStore(dataSource),
                settings, new SupplyBilling(new SupplyContractStore(dataSource), new SeriesStore(dataSource),
                new SupplySettings(null, null, null)), Clock.systemUTC(), new SimpleMeterRegistry());
        // Warm-up of both (JIT, PostgreSQL's buffers), then the measured pair.
        reference(dataSource, period);
        runner.run(period, "benchmark");
        resetPeakHeap();
        double reference = reference(dataSource, period);
        long t1 = System.nanoTime();
        long runId = runner.run(period, "benchmark");
        double settle = seconds(t1);
        long statements;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT statements FROM settlement_run WHERE id = " + runId)) {
            rs.next();
            statements = rs.getLong(1);
        }
        System.out.printf("reference SQL aggregation: %.2f s%n", reference);
        System.out.printf("settlement run %d: %.2f s, %,d statements, peak heap %,d MB (max %,d MB)%n", runId, settle, statements,
                peakHeapMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("ratio settlement / reference: %.2f%n", settle / reference);
    }

    static void generate(PGSimpleDataSource dataSource, int sites, SettlementPeriod period) throws Exception {
        Instant recorded = Instant.now().minusSeconds(60);
        try (Connection c = dataSource.getConnection(); PreparedStatement contracts = c.prepareStatement("""
                INSERT INTO buyback_contract (id, version, site_id, valid_from, valid_until, tariff, tax_treatment, meter_reading_day,
                                              recorded_at, recorded_by)
                SELECT 'c-' || s, 1, 'b-' || lpad(s::text, 6, '0'), DATE '2026-01-01', NULL,
                       CASE WHEN s % 10 < 7 THEN '{"kind":"FIXED","price":"8.5"}'
                            WHEN s % 10 < 9 THEN ?
                            ELSE '{"kind":"MARKET_LINKED","series":"jepx.spot.tokyo","factor":"0.9","adder":"1.5","floor":"3"}' END::jsonb,
                       'TAX_INCLUSIVE', ?, ?, 'benchmark'
                FROM generate_series(1, ?) s""");
             PreparedStatement intervals = c.prepareStatement("""
                INSERT INTO site_interval (site_id, slot_start, slot_date, slot_index, import_wh, export_wh, completeness, quality,
                                           source, computed_at)
                SELECT 'b-' || lpad(s::text, 6, '0'), ?::timestamptz + (i - 1) * interval '30 minutes', ?::date, i,
                       (s * 7 + i * 13) % 500, CASE WHEN i BETWEEN 17 AND 32 THEN (s * 11 + i * 17) % 1500 ELSE 0 END,
                       1, CASE WHEN (s + i) % 97 = 0 THEN 'ESTIMATED' ELSE 'MEASURED' END, 'FIXED_VALUE', now()
                FROM generate_series(1, ?) s CROSS JOIN generate_series(1, 48) i""")) {
            contracts.setString(1, TOU);
            contracts.setInt(2, period.until().getDayOfMonth());
            contracts.setTimestamp(3, Timestamp.from(recorded));
            contracts.setInt(4, sites);
            contracts.executeUpdate();
            for (LocalDate day = period.from(); day.isBefore(period.until()); day = day.plusDays(1)) {
                intervals.setTimestamp(1, Timestamp.from(Slot.of(day, 1).start()));
                intervals.setObject(2, day);
                intervals.setInt(3, sites);
                intervals.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE site_interval");
            }
        }
        SeriesId jepx = new SeriesId("jepx.spot.tokyo");
        SeriesVersion v1 = new SeriesVersion(jepx, 1, recorded, "benchmark");
        List<SeriesValue<YenPerKwh>> prices = new ArrayList<>();
        for (Slot slot : period.slots()) {
            prices.add(new SeriesValue<>(slot.start(), slot.end(), YenPerKwh.of(slot.index() >= 20 && slot.index() <= 30 ? "0.01" : "11.20"), v1));
        }
        new SeriesStore(dataSource).recordPrices(v1, prices);
    }

    private static double reference(PGSimpleDataSource dataSource, SettlementPeriod period) throws Exception {
        long t = System.nanoTime();
        long rows = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REFERENCE)) {
            ps.setTimestamp(1, Timestamp.from(period.start()));
            ps.setTimestamp(2, Timestamp.from(period.end()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        double s = seconds(t);
        System.out.printf("  reference: %,d sites in %.2f s%n", rows, s);
        return s;
    }

    static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
