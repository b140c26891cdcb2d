package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.aems.core.time.Jst;
import org.aems.testing.MqttProbe;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #8 end to end at a pinned clock: the app's clock reads {@link #PINNED} (10:00 JST on {@link #TODAY}) when the
 * test starts and runs on in real time; the simulator (demo region, seed 42) replays from the evening before
 * {@link #DAY} at 30 simulated minutes per second, catches up with the app's clock and goes on live. Ingest rolls it up;
 * Debian's headless Chromium signs in and reads the pages. What a page shows must be what the API says. Same dates,
 * same seed: the same figures whenever and wherever the test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final String PREFIX = "dash" + UUID.randomUUID().toString().substring(0, 6);
    static final Path SECRETS = Path.of("target", "dashboard-it-" + PREFIX).toAbsolutePath();
    /** The played day: a Wednesday in May, long days with PV well above zero. */
    static final LocalDate DAY = LocalDate.of(2026, 5, 20);
    /** The app's today: the simulator reaches its clock during the test and goes on in real time. */
    static final LocalDate TODAY = DAY.plusDays(1);
    static final Instant PINNED = TODAY.atTime(10, 0).atZone(Jst.ZONE).toInstant();

    /** The app's one clock (StorageAutoConfiguration's stands back): {@link #PINNED} now, real time from here on. */
    @TestConfiguration
    static class PinnedClock {
        @Bean
        Clock pinnedClock() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), PINNED));
        }
    }

    /** A real SMTP server and a real HTTP receiver for the alerts AEMS forwards: the edges of the system. */
    static final int SMTP_PORT = TestInfrastructure.freePort();
    static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final BlockingQueue<String> WEBHOOK = new LinkedBlockingQueue<>();
    static final HttpServer RECEIVER = webhookReceiver();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    Clock clock;
    HttpJson http;
    Browser browser;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onTestInfrastructure(registry, PREFIX);
        registry.add("aems.simulator.enabled", () -> "true");
        registry.add("aems.simulator.region", () -> "demo");
        registry.add("aems.simulator.broker-url", TestInfrastructure::mqttUrl);
        registry.add("aems.simulator.interval", () -> "1s");
        registry.add("aems.simulator.registers", () -> SECRETS.resolve("registers.properties").toString());
        registry.add("aems.simulator.speed", () -> "1800");
        // From the evening before, so the played day's first slot has a register value at its start too; at the app's
        // clock (72 s later) it goes on in real time, so no reading is ever stamped ahead of the platform.
        registry.add("aems.simulator.start", () -> DAY.minusDays(1) + "T22:00:00+09:00");
        registry.add("aems.simulator.catch-up", () -> "true");
        registry.add("aems.optimizer.enabled", () -> "false");
        registry.add("aems.ingest.rollup.interval", () -> "2s");
        registry.add("aems.dashboard.pulse", () -> "1s");
        registry.add("aems.dashboard.renewable-target-kw", () -> "300");
        registry.add("aems.security.secrets-dir", SECRETS::toString);
        registry.add("aems.alerts.webhooks", () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hooks/aems");
        registry.add("aems.alerts.mail-to", () -> "energy-ops@city.odawara.example");
        registry.add("aems.alerts.forward-every", () -> "1s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        MAIL.start();
    }

    private static HttpServer webhookReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks/aems", exchange -> {
                WEBHOOK.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void dayPlayedAndSignedIn() throws Exception {
        // The browser first: without Chromium the class fails at once, not after the day has played.
        browser = new Browser();
        http = HttpJson.signedIn(port, context);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> dayComplete(region(DAY)));
        browser.driver.get(base() + "/dashboard/?date=" + DAY);
        // Not signed in: the page says so and goes to the sign-in page.
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/login"));
        signIn("admin", Files.readString(SECRETS.resolve("initial-admin-password")).strip());
    }

    /** Fills in the sign-in form on the page the browser is on (the login page); lands on the dashboard. */
    private void signIn(String user, String password) {
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard/"));
        browser.consoleErrors(); // the refused fetches before signing in
    }

    private void signOutAndSignIn(String user, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(base() + "/login");
        signIn(user, password);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        MAIL.stop();
        RECEIVER.stop(0);
    }

    @Test
    @Order(1)
    void theRegionPageShowsWhatTheApiSaysForThePlayedDay() {
        open(DAY);
        JsonNode region = region(DAY);
        JsonNode now = region.get("now");
        assertThat(text("now-slot")).isEqualTo("23:30 JST");
        assertShown("now-demand", now.get("demandKw").asString());
        assertShown("now-grid", now.get("gridKw").asString());
        assertShown("now-pv", now.get("pvKw").asString());
        assertShown("now-battery", now.get("batteryKw").asString());
        assertThat(value("now-reporting")).isEqualTo("50/50");
        assertThat(new BigDecimal(now.get("demandKw").asString())).isPositive();

        JsonNode kpi = http.get("/api/v1/kpis/region?granularity=day&from=" + DAY + "&until=" + DAY.plusDays(1)).json().get("rows").get(0);
        assertThat(value("kpi-local-consumption")).isEqualTo(kpi.get("localConsumptionRatio").asString());
        assertThat(value("kpi-self-sufficiency")).isEqualTo(kpi.get("selfSufficiencyRatio").asString());
        assertThat(new BigDecimal(value("kpi-self-sufficiency"))).isPositive();
        assertThat(text("kpi-self-sufficiency")).isEqualTo(shown(new BigDecimal(kpi.get("selfSufficiencyRatio").asString())
                .movePointRight(2), "%"));
        // No grid CO2 factor was uploaded: no figure rather than a misleading zero.
        assertThat(kpi.get("co2FactorVersions")).isEmpty();
        assertThat(text("kpi-co2-avoided")).isEqualTo("データなし");
        assertThat(value("pv-capacity")).isEqualTo(region.get("pvCapacityKw").asString());
        assertThat(new BigDecimal(value("pv-capacity"))).isPositive();
        assertThat(new BigDecimal(region.get("pvTargetKw").asString())).isEqualByComparingTo("300");
        assertThat(text("pv-capacity")).isEqualTo(NumberFormat.getIntegerInstance(Locale.JAPAN)
                .format(new BigDecimal(region.get("pvCapacityKw").asString()).setScale(0, RoundingMode.HALF_UP)) + " kW / 300 kW");

        // One table row per feeder with the API's flow and limit.
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=feeders] tbody tr")))
                .hasSize(region.get("feeders").size()).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode feeder : region.get("feeders")) {
            List<String> shown = browser.read(d -> {
                WebElement row = d.findElement(By.cssSelector("tr[data-feeder='" + feeder.get("id").asString() + "']"));
                return List.of(row.findElement(By.cssSelector("[data-key=limit]")).getDomAttribute("data-value"),
                        row.findElement(By.cssSelector("[data-key=net]")).getDomAttribute("data-value"));
            });
            assertThat(shown).containsExactly(feeder.get("reverseFlowLimitKw").asString(), feeder.get("netImportKw").asString());
        }

        // Charts: every series has the day's 48 slots; PV rose above zero during the day.
        assertThat(seriesPoints("region-chart")).containsExactly(48L, 48L, 48L);
        assertThat(seriesPoints("feeder-chart")).hasSize(region.get("feeders").size()).allMatch(n -> n == 48L);
        Number pvPeak = (Number) browser.script("const c = echarts.getInstanceByDom(document.getElementById('region-chart'));"
                + " return Math.max(...c.getOption().series[0].data.filter(v => v != null));");
        assertThat(pvPeak.doubleValue()).isPositive();
        // Each feeder's reverse-flow limit line is drawn inside the chart, however far below the day's flows it lies.
        for (JsonNode feeder : region.get("feeders")) {
            Number y = (Number) browser.script("const el = document.getElementById('feeder-chart');"
                    + " const px = echarts.getInstanceByDom(el).convertToPixel({yAxisIndex: 0}, -Number(arguments[0]));"
                    + " return px >= 0 && px <= el.clientHeight ? 1 : 0;", feeder.get("reverseFlowLimitKw").asString());
            assertThat(y.intValue()).as("limit line of %s in view", feeder.get("id").asString()).isEqualTo(1);
        }
        assertThat(browser.consoleErrors()).isEmpty();
        browser.fullPage("dashboard-region-ja");
    }

    @Test
    @Order(2)
    void theLanguageSwitchesToEnglishAndBackFromTheKeyboard() {
        open(DAY);
        WebElement button = browser.driver.findElement(By.id("lang"));
        assertThat(button.getText()).isEqualTo("English");
        button.sendKeys(Keys.ENTER);
        browser.waiting(Duration.ofSeconds(5)).until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Regional energy dashboard");
        assertThat(browser.driver.findElement(By.id("kpi-h")).getText()).isEqualTo("The day's KPIs");
        assertThat(text("now-slot")).isEqualTo("23:30 JST");
        browser.fullPage("dashboard-region-en");
        // The choice survives a reload; back to Japanese.
        open(DAY);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Regional energy dashboard");
        browser.driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("地域エネルギー ダッシュボード");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void fitsALaptopAndATabletAndNamesEveryControlForScreenReaders() {
        for (int[] size : new int[][] {{1366, 768}, {768, 1024}}) {
            browser.size(size[0], size[1]);
            open(DAY);
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no sideways scrolling at %dx%d", size[0], size[1]).isTrue();
        }
        browser.screenshot("dashboard-region-tablet");
        browser.size(1366, 768);
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) browser.script("""
                const problems = [];
                document.querySelectorAll('input, select, textarea').forEach(el => {
                  if (!el.labels || el.labels.length === 0) problems.push('input without label: ' + el.id);
                });
                document.querySelectorAll('button, a').forEach(el => {
                  if (!el.textContent.trim() && !el.getAttribute('aria-label')) problems.push('unnamed control: ' + el.outerHTML);
                });
                document.querySelectorAll('[role=img]').forEach(el => {
                  if (!el.getAttribute('aria-label')) problems.push('chart without a label: ' + el.id);
                });
                return problems;""");
        assertThat(unnamed).isEmpty();
    }

    @Test
    @Order(4)
    void withoutADateThePageShowsThePlatformsTodayAndItsLiveReadingsArriveWithoutReloading() {
        // Until the simulator has caught up with the app's clock (its last fast step ends on a whole half hour, up to
        // 30 simulated minutes behind), then every site reports live.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode live = region(TODAY).get("live");
            return live != null && !live.isNull() && live.get("sitesReporting").asInt() == 50 && Duration.between(
                    java.time.OffsetDateTime.parse(live.get("newest").asString()).toInstant(), clock.instant()).toSeconds() < 20;
        });
        browser.driver.get(base() + "/dashboard/");
        waitForFirstRefresh();
        // This computer's calendar says otherwise: the page asked the platform what today is.
        assertThat(browser.driver.findElement(By.id("date")).getDomProperty("value")).isEqualTo(TODAY.toString());
        assertThat(byTestId("live-section").isDisplayed()).isTrue();
        LiveShown shown = liveAsThePageShowsIt();
        JsonNode live = shown.api();
        assertThat(shown.page().get("live-reporting")).containsExactly("50/50", "50 / 50");
        for (String[] tile : new String[][] {{"live-demand", "demandKw"}, {"live-pv", "pvKw"}, {"live-grid", "gridKw"},
                {"live-battery", "batteryKw"}, {"live-ev", "evKw"}}) {
            if (live.get(tile[1]).isNull()) {
                assertThat(shown.page().get(tile[0]).get(0)).as(tile[0]).isEmpty();
                continue;
            }
            String api = live.get(tile[1]).asString();
            assertThat(shown.page().get(tile[0])).as(tile[0]).containsExactly(api, shown(new BigDecimal(api), "kW"));
        }
        assertThat(new BigDecimal(live.get("demandKw").asString())).isPositive();
        assertThat(new BigDecimal(live.get("pvKw").asString())).as("10:00 on a May morning").isPositive();
        Instant newest = java.time.OffsetDateTime.parse(live.get("newest").asString()).toInstant();
        assertThat(Duration.between(newest, clock.instant())).as("readings as fresh as the live simulator's")
                .isBetween(Duration.ZERO, Duration.ofMinutes(1));

        // The gateways go on publishing every second: the page follows without a reload.
        browser.script("window.notReloaded = true;");
        String at = value("live-at");
        String refreshes = browser.driver.findElement(By.tagName("body")).getDomAttribute("data-refreshes");
        browser.waiting(Duration.ofSeconds(40)).until(d -> !value("live-at").equals(at));
        assertThat((Boolean) browser.script("return window.notReloaded === true;")).isTrue();
        assertThat(java.time.OffsetDateTime.parse(value("live-at"))).isAfter(java.time.OffsetDateTime.parse(at));
        assertThat(Integer.parseInt(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-refreshes")))
                .isGreaterThan(Integer.parseInt(refreshes));
        // "Updated at" by the platform's clock (10:00 JST and a minute or two), not this computer's.
        assertThat(text("live")).startsWith("ライブ更新").contains("更新 10:0");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.fullPage("dashboard-region-live-ja");
    }

    /** The page's live tiles (data-value and text, read in one go) and the API's 'live' of the same moment. */
    record LiveShown(java.util.Map<String, List<String>> page, JsonNode api) {
    }

    /**
     * The page refreshes every couple of seconds as readings arrive: snapshot its live tiles in one script, ask the API,
     * and repeat until both are of the same newest reading.
     */
    private LiveShown liveAsThePageShowsIt() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, List<String>> page = (java.util.Map<String, List<String>>) browser.script("""
                    const shown = {};
                    ['live-at', 'live-reporting', 'live-demand', 'live-pv', 'live-grid', 'live-battery', 'live-ev'].forEach(id => {
                      const el = document.querySelector('[data-testid="' + id + '"]');
                      shown[id] = [el.dataset.value, el.textContent];
                    });
                    return shown;""");
            JsonNode live = region(TODAY).get("live");
            if (live.get("newest").asString().equals(page.get("live-at").get(0))) {
                return new LiveShown(page, live);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page's live readings (" + page + ") never matched the API's (" + live + ")");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @Order(5)
    void settlementShowsTheRunsStatementsAndTheirTotalToWhoMaySeeThem() {
        // Fixed-price buy-back for every site, then a draft run of the played day's month (the API a billing system uses).
        JsonNode sites = http.get("/api/v1/sites?size=100").json().get("sites");
        for (JsonNode site : sites) {
            String id = site.get("id").asString();
            HttpJson.Response contract = fixedPriceContract(id, "8.5");
            assertThat(contract.status()).as(contract.body()).isEqualTo(201);
        }
        HttpJson.Response run = http.postJson("/api/v1/settlement/runs", "{\"month\":\"" + YearMonth.from(DAY) + "\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        long runId = run.json().get("id").asLong();
        JsonNode statements = http.get("/api/v1/settlement/runs/" + runId + "/statements").json().get("statements");
        long payment = 0;
        for (JsonNode statement : statements) {
            payment += statement.get("payment").asLong();
        }
        assertThat(payment).as("run %s, statements %s", run.body(), statements.toString().substring(0, Math.min(1500, statements.toString().length())))
                .isPositive();

        browser.driver.get(base() + "/dashboard/settlement.html");
        browser.waiting(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-refreshes") != null);
        List<String> runShown = browser.read(d -> {
            WebElement row = d.findElement(By.cssSelector("tr[data-run='" + runId + "']"));
            return List.of(row.findElement(By.cssSelector("[data-key=status]")).getText(),
                    row.findElement(By.cssSelector("[data-key=provisional]")).getDomAttribute("data-value"));
        });
        // The simulated gateways' values, no certified ones: every statement with a value is provisional, as the run says.
        int provisional = run.json().get("provisionalStatements").asInt() + run.json().get("provisionalSupplyBills").asInt();
        assertThat(provisional).isPositive();
        assertThat(runShown).containsExactly("DRAFT", Integer.toString(provisional));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=statements] tbody tr"))).hasSize(statements.size());
        assertThat(value("statements-payment")).isEqualTo(Long.toString(payment));
        assertThat(text("statements-payment")).isEqualTo(NumberFormat.getIntegerInstance(Locale.JAPAN).format(payment) + " 円");
        assertThat(value("statements-count")).isEqualTo(Integer.toString(statements.size()));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.fullPage("dashboard-settlement-ja");

        // 20 statements a page: the second page is the API's, and the totals stay the whole run's.
        browser.driver.get(base() + "/dashboard/settlement.html?run=" + runId + "&size=20");
        waitForFirstRefresh();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=statements] tbody tr"))).hasSize(20);
        assertThat(text("statements-range")).isEqualTo("1–20 / " + statements.size());
        assertThat(byTestId("statements-prev").isEnabled()).isFalse();
        byTestId("statements-next").click();
        String twentyFirst = statements.get(20).get("siteId").asString();
        browser.waiting(Duration.ofSeconds(10)).until(d -> twentyFirst.equals(
                d.findElement(By.cssSelector("[data-testid=statements] tbody tr")).getDomAttribute("data-site")));
        assertThat(text("statements-range")).isEqualTo("21–40 / " + statements.size());
        assertThat(value("statements-payment")).isEqualTo(Long.toString(payment));
        assertThat(byTestId("statements-prev").isEnabled()).isTrue();

        // A corrected contract price for one site and a re-run. The simulator keeps playing this month, so other sites'
        // statements may have moved on too; the page lists what the API's diff lists, and the corrected site with its new price.
        JsonNode selling = java.util.stream.StreamSupport.stream(statements.spliterator(), false)
                .filter(st -> st.get("energyWh").asLong() > 0).findFirst().orElseThrow();
        String corrected = selling.get("siteId").asString();
        HttpJson.Response contract = fixedPriceContract(corrected, "9.5");
        assertThat(contract.status()).as(contract.body()).isEqualTo(200);
        HttpJson.Response rerun = http.postJson("/api/v1/settlement/runs", "{\"month\":\"" + YearMonth.from(DAY) + "\"}");
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(201);
        assertThat(rerun.json().get("previousRunId").asLong()).isEqualTo(runId);
        long rerunId = rerun.json().get("id").asLong();
        JsonNode changes = http.get("/api/v1/settlement/runs/" + rerunId + "/diff").json().get("changes");
        JsonNode change = java.util.stream.StreamSupport.stream(changes.spliterator(), false)
                .filter(c -> c.get("siteId").asString().equals(corrected)).findFirst().orElseThrow();
        assertThat(change.get("current").get("contractVersion").asInt()).isEqualTo(2);
        long delta = change.get("current").get("payment").asLong() - change.get("previous").get("payment").asLong();
        assertThat(delta).as("8.5 → 9.5 yen/kWh on %s Wh", selling.get("energyWh").asLong()).isPositive();

        browser.driver.get(base() + "/dashboard/settlement.html?run=" + rerunId);
        waitForFirstRefresh();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=diff] tbody tr"))).hasSize(changes.size());
        WebElement diffRow = browser.driver.findElement(By.cssSelector("[data-testid=diff] tbody tr[data-site='" + corrected + "']"));
        assertThat(diffRow.findElement(By.cssSelector("[data-key=change]")).getText()).isEqualTo("変更");
        assertThat(diffRow.findElement(By.cssSelector("[data-key=payment-delta]")).getDomAttribute("data-value"))
                .isEqualTo(Long.toString(delta));
        assertThat(text("diff-note")).isEqualTo("前版 #" + runId + " から変わった明細:");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.fullPage("dashboard-settlement-diff-ja");
    }

    /**
     * A plan version for {@code bank} with {@code netWh} on {@code feeder} from slot {@code firstSlot} of DAY to its end, and
     * the optimizer's limit events (JSON, as PlanStore writes them).
     */
    private long plan(String bank, String feeder, java.time.Instant createdAt, int firstSlot, long netWh, String limitEvents)
            throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            long id;
            try (java.sql.PreparedStatement v = c.prepareStatement("""
                    INSERT INTO plan_version (bank_id, first_slot, slot_count, source, objective_yen, solve_ms, breaches, limit_events,
                        created_at, created_by)
                    VALUES (?, ?, ?, 'OPTIMAL', 0, 10, 0, ?::jsonb, ?, 'dashboard-it') RETURNING id""")) {
                v.setString(1, bank);
                v.setTimestamp(2, java.sql.Timestamp.from(org.aems.core.time.Slot.of(DAY, firstSlot).start()));
                v.setInt(3, 49 - firstSlot);
                v.setString(4, limitEvents);
                v.setTimestamp(5, java.sql.Timestamp.from(createdAt));
                try (java.sql.ResultSet rs = v.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (java.sql.PreparedStatement s = c.prepareStatement("""
                    INSERT INTO plan_slot (plan_id, feeder_id, slot_start, net_wh, storage_wh, ev_wh, curtailed_wh)
                    VALUES (?, ?, ?, ?, 0, 0, 0)""")) {
                for (int i = firstSlot; i <= 48; i++) {
                    s.setLong(1, id);
                    s.setString(2, feeder);
                    s.setTimestamp(3, java.sql.Timestamp.from(org.aems.core.time.Slot.of(DAY, i).start()));
                    s.setLong(4, netWh);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return id;
        }
    }

    /** Buy-back at a fixed price from the played day's month on, as contract dash-{site} (201 new, 200 next version). */
    private HttpJson.Response fixedPriceContract(String site, String yenPerKwh) {
        return http.send("PUT", "/api/v1/settlement/contracts/dash-" + site, "application/json", "{\"siteId\":\"" + site
                + "\",\"from\":\"" + DAY.withDayOfMonth(1) + "\",\"tariff\":{\"kind\":\"FIXED\",\"price\":\"" + yenPerKwh + "\"},"
                + "\"taxTreatment\":\"TAX_INCLUSIVE\"}");
    }

    private void waitForFirstRefresh() {
        browser.waiting(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-refreshes") != null);
    }

    @Test
    @Order(6)
    void anOperatorIsRefusedTheBillingPageButSeesTheRegion() {
        String password = http.postJson("/api/v1/admin/users", "{\"name\":\"sato\",\"organisation\":\"" + TestKeys.ORGANISATION
                + "\",\"roles\":[\"OPERATOR\"]}").json().get("initialPassword").asString();
        signOutAndSignIn("sato", password);
        browser.driver.get(base() + "/dashboard/settlement.html");
        browser.waiting(Duration.ofSeconds(15)).until(d -> byTestId("problem").isDisplayed());
        assertThat(text("problem")).startsWith("この画面を見る権限がありません。").contains("needs role ADMIN or BILLING; you have OPERATOR");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=runs] tbody tr"))).isEmpty();
        browser.consoleErrors(); // the 403 itself
        open(DAY);
        assertThat(value("now-reporting")).isEqualTo("50/50");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void thePublicViewNeedsNoSignInAndShowsTheRegionsDay() {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(base() + "/dashboard/public.html?date=" + DAY);
        browser.waiting(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-refreshes") != null);
        JsonNode day = http.anonymous().get("/api/v1/public/region-intervals?date=" + DAY).json();
        BigDecimal pv = BigDecimal.ZERO;
        int shown = 0;
        for (JsonNode slot : day.get("slots")) {
            if (slot.get("region") != null && !slot.get("region").isNull()) {
                shown++;
                pv = pv.add(new BigDecimal(slot.get("region").get("pvKwh").asString()));
            }
        }
        assertThat(shown).isEqualTo(48);
        assertThat(value("public-slots")).isEqualTo("48");
        assertThat(new BigDecimal(value("public-pv"))).isEqualByComparingTo(pv).isPositive();
        assertThat(seriesPoints("public-chart")).containsExactly(48L, 48L, 48L);
        // Each published group (feeder, or the small ones pooled as 'other') with its day summed over the slots it was published in.
        java.util.Map<String, BigDecimal> groupPv = new java.util.TreeMap<>();
        java.util.Map<String, Integer> groupSlots = new java.util.TreeMap<>();
        for (JsonNode slot : day.get("slots")) {
            if (slot.get("groups") != null && !slot.get("groups").isNull()) {
                for (java.util.Map.Entry<String, JsonNode> group : slot.get("groups").properties()) {
                    groupSlots.merge(group.getKey(), 1, Integer::sum);
                    JsonNode kwh = group.getValue().get("pvKwh");
                    groupPv.merge(group.getKey(), kwh.isNull() ? BigDecimal.ZERO : new BigDecimal(kwh.asString()), BigDecimal::add);
                }
            }
        }
        List<WebElement> groupRows = browser.driver.findElements(By.cssSelector("[data-testid=public-groups] tbody tr"));
        assertThat(groupRows).hasSize(groupPv.size()).isNotEmpty();
        for (String group : groupPv.keySet()) {
            WebElement row = browser.driver.findElement(By.cssSelector("[data-testid=public-groups] tr[data-group='" + group + "']"));
            assertThat(row.findElement(By.cssSelector("[data-key=slots]")).getDomAttribute("data-value"))
                    .isEqualTo(Integer.toString(groupSlots.get(group)));
            assertThat(new BigDecimal(row.findElement(By.cssSelector("[data-key=pv]")).getDomAttribute("data-value")))
                    .as("PV of %s", group).isEqualByComparingTo(groupPv.get(group));
        }
        assertThat(browser.consoleErrors()).isEmpty();
        browser.fullPage("dashboard-public-ja");
    }

    @Test
    @Order(8)
    void anAlertAppearsLiveIsAcknowledgedAndForwardedByWebhookAndMail() throws Exception {
        signOutAndSignIn("admin", Files.readString(SECRETS.resolve("initial-admin-password")).strip());
        browser.driver.get(base() + "/dashboard/alerts.html");
        browser.waiting(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-refreshes") != null);
        browser.script("window.notReloaded = true;");

        // Raised through the seam every part of AEMS uses.
        context.getBean(AlertSink.class).raise(new Alert(AlertKind.OPTIMIZER_FALLBACK, Severity.CRITICAL, "bank odw-east-b1",
                "the solve ran out of time; the last plan was published", clock.instant()));
        long id = ours().get("id").asLong();
        By row = By.cssSelector("tr[data-alert='" + id + "']");
        browser.waiting(Duration.ofSeconds(20)).until(d -> !d.findElements(row).isEmpty());
        assertThat((Boolean) browser.script("return window.notReloaded === true;")).isTrue();
        assertThat(browser.driver.findElement(row).getText()).contains("重大", "OPTIMIZER_FALLBACK", "bank odw-east-b1");
        browser.fullPage("dashboard-alerts-ja");

        browser.driver.findElement(row).findElement(By.tagName("button")).click();
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(row).findElement(By.cssSelector("[data-key=state]")).getText()
                .startsWith("確認済み admin"));
        JsonNode acknowledged = ours();
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("admin");
        assertThat(acknowledged.get("resolvedAt")).as("acknowledging does not close it").isNull();
        JsonNode audit = http.withRoles(org.aems.api.security.Role.ADMIN).get("/api/v1/admin/audit?action="
                + java.net.URLEncoder.encode("POST /api/v1/alerts/{id}/acknowledge", StandardCharsets.UTF_8)).json().get("events");
        assertThat(audit.findValuesAsString("actor")).containsExactly("admin");
        assertThat(browser.consoleErrors()).isEmpty();

        // Forwarded once to each channel, whatever happens to it afterwards.
        // Other alerts (the watch's silent gateways of the played days) are forwarded too: find ours.
        String hook = forwardedHook("\"id\":" + id + ",");
        assertThat(hook).contains("\"kind\":\"OPTIMIZER_FALLBACK\"", "\"subject\":\"bank odw-east-b1\"", "\"severity\":\"CRITICAL\"");
        MimeMessage mail = forwardedMail("[AEMS CRITICAL] OPTIMIZER_FALLBACK: bank odw-east-b1");
        assertThat(mail.getSubject()).isEqualTo("[AEMS CRITICAL] OPTIMIZER_FALLBACK: bank odw-east-b1");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("energy-ops@city.odawara.example");
        context.getBean(AlertSink.class).raise(new Alert(AlertKind.OPTIMIZER_FALLBACK, Severity.CRITICAL, "bank odw-east-b1",
                "again", clock.instant()));
        Thread.sleep(3_000);
        assertThat(WEBHOOK.stream().filter(h -> h.contains("OPTIMIZER_FALLBACK"))).as("a repeat counts an occurrence, it is not a new alert")
                .isEmpty();
        assertThat(java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject(m).contains("OPTIMIZER_FALLBACK"))).hasSize(1);
    }

    @Test
    @Order(9)
    void theFeederPageShowsItsDayItsStorageAndTheCommandsItsSitesGot() throws Exception {
        String site = http.get("/api/v1/sites?feeder=f2&size=1").json().get("sites").get(0).get("id").asString();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at,
                    issued_by, status, reason, sent_at)
                VALUES ('dash-cmd-1', ?, 'battery-1', 'SET_POWER', -2500, ?, ?, ?, 'optimizer',
                    'NO_ACK', 'no acknowledgement within 60 s', ?)""")) {
            java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
            ps.setString(1, site);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(30))));
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            ps.executeUpdate();
        }
        // Two plan versions for f2's bank (the optimizer is off here): one from the night before, one revised at 12:00. A
        // slot is judged by the version in force at its gate closure: 12:30 by the first, 13:00 by the revision.
        String bank = http.get("/api/v1/dashboard/feeders/f2?date=" + DAY).json().get("feeder").get("bank").asString();
        long early = plan(bank, "f2", DAY.atStartOfDay(Jst.ZONE).minusHours(2).toInstant(), 1, -20_000, "[]");
        // The revision could not keep f2 inside its reverse-flow limit at 13:00: the page says so in words. Another
        // feeder's event of the same bank plan is not f2's.
        String why = "PV surplus above the limit; batteries on f2 full since 12:30";
        org.aems.core.time.Slot one = org.aems.core.time.Slot.of(DAY, 27);
        long revised = plan(bank, "f2", DAY.atTime(12, 0).atZone(Jst.ZONE).toInstant(), 27, -30_000, """
                [{"where":"f2","slot":"%s","slotStart":"%s","kind":"REVERSE_FLOW","outcome":"BREACHED","limitWh":75000,
                  "flowWh":82000,"excessWh":7000,"why":"%s"},
                 {"where":"another-feeder","slot":"%1$s","slotStart":"%2$s","kind":"IMPORT","outcome":"BINDING","limitWh":1,
                  "flowWh":1,"excessWh":null,"why":"not f2's"}]""".formatted(one, one.start(), why));

        browser.driver.get(base() + "/dashboard/feeder.html?feeder=f2&date=" + DAY);
        browser.waiting(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-refreshes") != null);
        JsonNode page = http.get("/api/v1/dashboard/feeders/f2?date=" + DAY).json();
        JsonNode atGate = page.get("planAtGateClosure");
        assertThat(atGate).hasSize(48);
        assertThat(atGate.get(25).get("start").asString()).endsWith("T12:30+09:00");
        assertThat(atGate.get(25).get("planId").asLong()).isEqualTo(early);
        assertThat(atGate.get(25).get("netKw").asString()).isEqualTo("-40.000");
        assertThat(atGate.get(26).get("planId").asLong()).isEqualTo(revised);
        assertThat(atGate.get(26).get("netKw").asString()).isEqualTo("-60.000");
        assertThat(page.get("plan").get("id").asLong()).as("the newest plan").isEqualTo(revised);
        JsonNode feeder = page.get("feeder");
        assertShown("feeder-net", feeder.get("netImportKw").asString());
        assertShown("feeder-limit", feeder.get("reverseFlowLimitKw").asString());
        assertShown("feeder-peak", feeder.get("peakReverseKw").asString());
        assertThat(new BigDecimal(feeder.get("peakReverseKw").asString())).as("f2 sends PV back at midday").isPositive();
        assertThat(value("feeder-soc")).isEqualTo(page.get("now").get("averageSocPercent").asString());
        assertThat(new BigDecimal(value("feeder-soc"))).isBetween(BigDecimal.ZERO, new BigDecimal(100));
        assertThat(value("feeder-evs")).isEqualTo(page.get("now").get("plugged").asInt() + "/" + page.get("now").get("charging").asInt());
        assertThat(text("feeder-plan")).startsWith("OPTIMAL #" + revised + " 12:00");
        // Actual, the plan at gate closure (every slot of the day), the newest plan (from 13:00).
        assertThat(seriesPoints("plan-chart")).containsExactly(48L, 48L, 22L);
        assertThat(seriesPoints("flex-chart")).containsExactly(48L, 48L);
        // Read in one go: the page's 1 s pulse re-renders these lists, which leaves elements found earlier stale.
        List<List<String>> events = browser.read(d -> d.findElements(By.cssSelector("[data-testid=limit-events] li")).stream()
                .map(e -> List.of(e.getDomAttribute("data-outcome"), e.getDomAttribute("class"), e.getText())).toList());
        assertThat(events).containsExactly(List.of("BREACHED", "bad",
                "5/20 13:00 JST f2 逆潮流上限を超過 (抑えきれず) (潮流 164.0 kW, 上限 150.0 kW, 超過 14.0 kW): " + why));
        List<String> command = browser.read(d -> {
            WebElement row = d.findElement(By.cssSelector("tr[data-command='dash-cmd-1']"));
            return List.of(row.getText(), row.findElement(By.cssSelector("[data-key=status]")).getDomAttribute("class"));
        });
        assertThat(command.get(0)).contains(site, "battery-1", "SET_POWER", "-2.5", "NO_ACK", "no acknowledgement within 60 s");
        assertThat(command.get(1)).isEqualTo("bad");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.fullPage("dashboard-feeder-ja");
    }

    @Test
    @Order(10)
    void theSitesPageFindsSitesAndShowsWhatWasRejectedFromThem() throws Exception {
        try (MqttProbe gateway = MqttProbe.connect(TestInfrastructure.mqttUrl(), PREFIX + "-gateway", "unchecked")) {
            gateway.publish("aems/v1/sites/demo-012/telemetry", "{not json");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/dashboard/sites/demo-012/rejections").json().size() > 0);
        JsonNode found = http.get("/api/v1/dashboard/sites?q=DEMO-01&date=" + DAY).json();
        assertThat(found.get("total").asInt()).isEqualTo(10);

        browser.driver.get(base() + "/dashboard/sites.html?q=DEMO-01&date=" + DAY);
        browser.waiting(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-refreshes") != null);
        assertThat(value("sites-total")).isEqualTo("10");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=sites] tbody tr"))).hasSize(10);
        for (JsonNode site : found.get("sites")) {
            String quality = browser.read(d -> d.findElement(By.cssSelector("tr[data-site='" + site.get("id").asString() + "'] [data-key=quality]"))
                    .getText());
            assertThat(quality).isEqualTo(site.get("measuredSlots").asInt()
                    + " / " + site.get("estimatedSlots").asInt() + " / " + site.get("missingSlots").asInt());
            assertThat(site.get("measuredSlots").asInt()).as("the played day was measured").isPositive();
        }
        String rejections = browser.read(d -> d.findElement(By.cssSelector("tr[data-site='demo-012'] [data-key=rejections]")).getText());
        assertThat(rejections).isEqualTo("1 (NOT_JSON)");
        browser.read(d -> {
            d.findElement(By.cssSelector("tr[data-site='demo-012'] button")).click();
            return true;
        });
        browser.waiting(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("[data-testid=rejections] li[data-reason=NOT_JSON]")).isEmpty());
        assertThat(text("rejections-site")).isEqualTo("demo-012");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.fullPage("dashboard-sites-ja");
    }

    @Test
    @Order(11)
    void anIslandedFeederShowsItsHoursOfAutonomyAndWhatIsServed() throws Exception {
        HttpJson.Response declared = http.postJson("/api/v1/feeders/f3/island",
                "{\"declaredBy\":\"dispatcher-a\",\"reason\":\"substation breaker open\"}");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        // The report the optimizer's island round writes (IslandRound), stored the way it stores it.
        context.getBean(org.aems.optimizer.island.IslandStore.class).report(declared.json().get("id").asLong(), """
                {"feeder":"f3","islandable":true,"gridForming":"demo-040/battery-1","autonomyHours":5.5,
                 "criticalServedThroughout":true,"criticalSites":["demo-045"],
                 "slots":[{"slot":"%s#21","criticalNeededKwh":"1.200","criticalServedKwh":"1.200","otherNeededKwh":"8.000",
                           "otherServedKwh":"2.500","pvUsedKwh":"3.100"}]}""".formatted(TODAY), clock.instant());
        try {
            open(DAY);
            List<String> island = browser.read(d -> {
                WebElement shown = d.findElement(By.cssSelector("[data-testid=islands] li[data-feeder=f3]"));
                return List.of(shown.getDomAttribute("data-autonomy"), shown.getText());
            });
            assertThat(island.get(0)).isEqualTo("5.5");
            assertThat(island.get(1)).contains("substation breaker open", "自立可能時間 5.5 時間", "demo-040/battery-1", "demo-045",
                    "全コマ供給可", "1.2 / 1.2 kWh");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            assertThat(http.delete("/api/v1/feeders/f3/island", "application/json", "{\"endedBy\":\"dispatcher-a\"}").status()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------------------------------

    /** The first webhook call containing {@code marker}, waiting up to 20 s; the ones before it are dropped. */
    private static String forwardedHook(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String hook = WEBHOOK.poll(1, TimeUnit.SECONDS);
            if (hook != null && hook.contains(marker)) {
                return hook;
            }
        }
        throw new AssertionError("no webhook call with " + marker);
    }

    private static MimeMessage forwardedMail(String subject) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (MimeMessage mail : MAIL.getReceivedMessages()) {
                if (subject.equals(subject(mail))) {
                    return mail;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail with subject " + subject);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The open alert this test raised (ingest may have raised others). */
    private JsonNode ours() {
        for (JsonNode alert : http.get("/api/v1/alerts?open=true").json()) {
            if (alert.get("kind").asString().equals("OPTIMIZER_FALLBACK") && alert.get("subject").asString().equals("bank odw-east-b1")) {
                return alert;
            }
        }
        throw new AssertionError("no open OPTIMIZER_FALLBACK alert for bank odw-east-b1");
    }

    private void open(LocalDate date) {
        browser.driver.get(base() + "/dashboard/?date=" + date);
        browser.waiting(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-refreshes") != null);
    }

    private JsonNode region(LocalDate date) {
        return http.get("/api/v1/dashboard/region?date=" + date).json();
    }

    /** Every feeder has all 48 slots of the day and every site reported the last one. */
    private static boolean dayComplete(JsonNode region) {
        if (region.get("feeders").isEmpty()) {
            return false;
        }
        for (JsonNode feeder : region.get("feeders")) {
            JsonNode slots = feeder.get("slots");
            if (slots.size() < 48 || slots.get(47).get("sitesReporting").asInt() < slots.get(47).get("siteCount").asInt()) {
                return false;
            }
        }
        return true;
    }

    private List<Long> seriesPoints(String chart) {
        @SuppressWarnings("unchecked")
        List<Long> points = (List<Long>) browser.script("const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                + " return c.getOption().series.map(s => s.data.filter(v => v != null).length);", chart);
        return new ArrayList<>(points);
    }

    private WebElement byTestId(String id) {
        return browser.driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private String value(String id) {
        return byTestId(id).getDomAttribute("data-value");
    }

    private String text(String id) {
        return byTestId(id).getText();
    }

    /** The API's value is in data-value and shown as Japanese-formatted kW with one decimal. */
    private void assertShown(String id, String apiValue) {
        assertThat(value(id)).as(id).isEqualTo(apiValue);
        assertThat(text(id)).as(id).isEqualTo(shown(new BigDecimal(apiValue), "kW"));
    }

    private static String shown(BigDecimal value, String unit) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.JAPAN);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value) + " " + unit;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
