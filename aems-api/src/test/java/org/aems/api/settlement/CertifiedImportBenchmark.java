package org.aems.api.settlement;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Imports a day of certified values for many sites (80,000 × 48 = 3.84 M lines, ~170 MB of CSV) and prints the
 * time against a bare {@code COPY … FROM STDIN (FORMAT csv)} of the same file into an unindexed table, measured
 * in the same run; then the settlement run of that day on gateway intervals only and on certified values
 * (issue #6, ADR 0014; not a test).
 *
 * <pre>
 * AEMS_TEST_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres" \
 *   java -Xmx1g -cp ... org.aems.api.settlement.CertifiedImportBenchmark [sites]
 * </pre>
 */
public final class CertifiedImportBenchmark {

    private CertifiedImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 80_000;
        SettlementPeriod period = SettlementPeriod.meterReading(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2));
        String url = TestInfrastructure.freshDatabase();
        Path file = Files.createTempFile("aems-certified-", ".csv");
        try {
            measure(url, sites, period, file);
        } finally {
            Files.deleteIfExists(file);
            String database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
            try (Connection c = java.sql.DriverManager.getConnection(TestInfrastructure.adminJdbcUrl()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database);
            }
        }
    }

    private static void measure(String url, int sites, SettlementPeriod period, Path file) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new TimescaleDbMigration()).load().migrate();
        long t0 = System.nanoTime();
        SettlementBenchmark.generate(dataSource, sites, period);
        registry(dataSource, sites);
        System.out.printf("generated registry, contracts and %,d gateway intervals in %.1f s%n", sites * 48L, seconds(t0));

        SettlementRunner runner = new SettlementRunner(dataSource, new ContractStore(dataSource), new SeriesStore(dataSource),
                new SettlementSettings(List.of()), new SupplyBilling(new SupplyContractStore(dataSource), new SeriesStore(dataSource),
                new SupplySettings(null, null, null)), Clock.systemUTC(), new SimpleMeterRegistry());
        runner.run(period, "benchmark");
        long t1 = System.nanoTime();
        runner.run(period, "benchmark");
        double gatewayRun = seconds(t1);

        writeFile(file, sites);
        System.out.printf("file: %,d lines, %,d MB%n", sites * 48L + 1, Files.size(file) / (1024 * 1024));
        bareCopy(dataSource, file); // warm-up: page cache, JIT
        double reference = bareCopy(dataSource, file);

        CertifiedImport imports = new CertifiedImport(dataSource, Clock.systemUTC());
        SettlementBenchmark.resetPeakHeap();
        long t2 = System.nanoTime();
        CertifiedImportReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            report = imports.importCsv(in, Optional.of(file.getFileName().toString()), "benchmark");
        }
        double importSeconds = seconds(t2);
        long importHeap = SettlementBenchmark.peakHeapMb();
        long t3 = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            imports.importCsv(in, Optional.empty(), "benchmark");
        }
        double repeat = seconds(t3);

        runner.run(period, "benchmark");
        long t4 = System.nanoTime();
        runner.run(period, "benchmark");
        double certifiedRun = seconds(t4);

        System.out.printf("bare COPY of the file: %.2f s%n", reference);
        System.out.printf("import: %.2f s (%,d accepted, %,d rejected), peak heap %,d MB; ratio import / bare COPY: %.2f%n",
                importSeconds, report.accepted(), report.rejected(), importHeap, importSeconds / reference);
        System.out.printf("same file again (answered with the first batch): %.2f s%n", repeat);
        System.out.printf("settlement run of the day: gateway only %.2f s, certified values %.2f s (ratio %.2f)%n", gatewayRun,
                certifiedRun, certifiedRun / gatewayRun);
    }

    /** A feeder with the sites b-000001… of SettlementBenchmark, supply points 03 + 20 digits, certified meters. */
    private static void registry(PGSimpleDataSource dataSource, int sites) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO region VALUES ('bm', 'benchmark', now())");
            s.execute("INSERT INTO substation VALUES ('bm-ss', 'bm', 'ss')");
            s.execute("INSERT INTO bank VALUES ('bm-b', 'bm-ss', 'b')");
            s.execute("INSERT INTO feeder (id, bank_id, name, valid_from) VALUES ('bm-f', 'bm-b', 'f', DATE '2024-01-01')");
            s.execute("INSERT INTO site (id, feeder_id, name, kind, supply_point_number, valid_from) SELECT 'b-' || lpad(i::text, 6, '0'),"
                    + " 'bm-f', 'site ' || i, 'HOUSEHOLD', '03' || lpad(i::text, 20, '0'), DATE '2024-01-01' FROM generate_series(1, " + sites + ") i");
            s.execute("INSERT INTO asset (site_id, device_id, position, kind, valid_from, curtailable, meter_metrology_class, meter_rollover_wh)"
                    + " SELECT id, 'meter-1', 0, 'METER', DATE '2024-01-01', false, 'CERTIFIED', 100000000 FROM site");
            s.execute("ANALYZE");
        }
    }

    /** The gateway's export with 1 % of slots 10 Wh higher, import as generated. */
    private static void writeFile(Path file, int sites) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("supply_point_number,date,slot,import_kwh,export_kwh\n");
            for (int s = 1; s <= sites; s++) {
                String spn = "03" + String.format("%020d", s);
                for (int i = 1; i <= 48; i++) {
                    long importWh = (s * 7L + i * 13L) % 500;
                    long exportWh = (i >= 17 && i <= 32 ? (s * 11L + i * 17L) % 1500 : 0) + ((s + i) % 100 == 0 ? 10 : 0);
                    w.write(spn + ",2026-06-01," + i + "," + BigDecimal.valueOf(importWh, 3).toPlainString() + ","
                            + BigDecimal.valueOf(exportWh, 3).toPlainString() + "\n");
                }
            }
        }
    }

    private static double bareCopy(PGSimpleDataSource dataSource, Path file) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bare_copy");
            s.execute("CREATE TABLE bare_copy (supply_point_number text, date date, slot integer, import_kwh numeric, export_kwh numeric)");
            long t = System.nanoTime();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)", r);
            }
            return seconds(t);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
