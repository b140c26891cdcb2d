package org.aems.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.aems.core.time.Jst;
import org.aems.ingest.registry.ImportReport;
import org.aems.ingest.registry.RegistryStore;
import org.aems.simulators.BundledRegions;
import org.aems.testing.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #8: how fast the dashboard's pages load with the {@code odawara} region (its feeders and 10,000+ sites) and a
 * month of rollups, through HTTP as the browser does (each page's API calls at once, the page's time is the slowest),
 * against the bare HTTP round trip of a static file of the dashboard (same filters, no query) measured in the same run.
 * Not a test.
 *
 * <pre>
 * AEMS_TEST_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres" ./mvnw -B -q -pl aems-api exec:java \
 *   -Dexec.mainClass=org.aems.api.DashboardBenchmark -Dexec.classpathScope=test [-Dexec.args="loads"]
 * </pre>
 */
public final class DashboardBenchmark {

    private static final int WARM_UP = 30;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String url = TestInfrastructure.freshDatabase();
        java.nio.file.Path secrets = Files.createTempDirectory("aems-dashboard-benchmark");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AemsApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--aems.embedded.enabled=false", "--aems.simulator.enabled=false",
                "--aems.ingest.enabled=false", "--aems.optimizer.enabled=false", "--aems.security.requests-per-second=1000000",
                "--aems.security.secrets-dir=" + secrets, "--logging.level.root=WARN")) {
            LocalDate today = LocalDate.now(Jst.ZONE);
            ImportReport report = app.getBean(RegistryStore.class).importRegion(BundledRegions.scenario("odawara").region(),
                    Clock.systemUTC().instant());
            seed(app.getBean(DataSource.class), today);
            System.out.printf(Locale.ROOT, "region odawara: %d feeders, %,d sites; a month of rollups, each site's newest"
                    + " battery and EV readings%n", report.feeders(), report.sites());

            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            String key = HttpJson.signedIn(base, app).apiKey();
            HttpClient client = HttpClient.newHttpClient();
            String date = today.toString();
            String until = today.plusDays(1).toString();
            String feeder = firstFeeder(app.getBean(DataSource.class));
            List<Page> pages = List.of(
                    new Page("static file (reference)", "/dashboard/common.js"),
                    new Page("region", "/api/v1/dashboard/region?date=" + date, "/api/v1/kpis/region?granularity=day&from=" + date
                            + "&until=" + until, "/api/v1/kpis/region?granularity=slot&from=" + date + "&until=" + until,
                            "/api/v1/balancing-plan?date=" + date),
                    new Page("feeder", "/api/v1/dashboard/region?date=" + date, "/api/v1/dashboard/feeders/" + feeder + "?date=" + date),
                    new Page("alerts", "/api/v1/alerts"),
                    new Page("open data", "/api/v1/public/region-intervals?date=" + date));
            double reference = 0;
            for (Page page : pages) {
                for (int i = 0; i < WARM_UP; i++) {
                    page.load(client, base, key);
                }
                double[] millis = new double[loads];
                for (int i = 0; i < loads; i++) {
                    millis[i] = page.load(client, base, key);
                }
                Arrays.sort(millis);
                double p95 = millis[(int) Math.ceil(0.95 * loads) - 1];
                if (reference == 0) {
                    reference = p95;
                }
                System.out.printf(Locale.ROOT, "%-22s %d call(s)  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  p95/reference %6.1f  %s%n",
                        page.name, page.paths.length, millis[loads / 2], p95, millis[loads - 1], p95 / reference,
                        p95 <= 1000 ? "(target p95 <= 1 s: met)" : "(target p95 <= 1 s: MISSED)");
            }
        } finally {
            String database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
            try (Connection c = java.sql.DriverManager.getConnection(TestInfrastructure.adminJdbcUrl()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    /** A page: the API calls its script makes at once; its load time is the slowest of them. */
    private record Page(String name, String... paths) {
        double load(HttpClient client, String base, String key) {
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (String path : paths) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.join();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(name + ": " + response.uri() + " answered " + response.statusCode() + " " + response.body());
                }
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** A month of feeder rollups up to now, and for every site its newest battery and EV readings (an hour's worth). */
    private static void seed(DataSource dataSource, LocalDate today) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, import_wh, export_wh, net_import_wh, pv_wh,
                        battery_charge_wh, battery_discharge_wh, ev_charge_wh, ev_discharge_wh, buyback_export_wh, site_count,
                        sites_reporting, computed_at)
                    SELECT f.id, t, (t AT TIME ZONE 'Asia/Tokyo')::date,
                           (extract(hour FROM t AT TIME ZONE 'Asia/Tokyo') * 2 + extract(minute FROM t AT TIME ZONE 'Asia/Tokyo') / 30 + 1)::int,
                           200000, 50000, 150000, 120000, 10000, 8000, 5000, 0, 30000, 500, 500, now()
                    FROM feeder f, generate_series(date_trunc('hour', now()) - interval '31 days', now() - interval '30 minutes',
                                                   interval '30 minutes') t""");
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                    SELECT s.id, q.device, q.quantity, t, q.value, 'bench-' || s.id || '-' || extract(epoch FROM t)::bigint, t
                    FROM site s, generate_series(now() - interval '1 hour', now(), interval '5 minutes') t,
                         (VALUES ('battery-1', 'battery.soc', 55.0), ('ev-1', 'ev.plugged', 1.0), ('ev-1', 'ev.power', 3000.0),
                                 ('meter-1', 'meter.power', 800.0)) q(device, quantity, value)""")) {
                ps.executeUpdate();
            }
            s.execute("ANALYZE");
        }
    }

    private static String firstFeeder(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT feeder_id FROM site GROUP BY feeder_id ORDER BY count(*) DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
