package org.aems.simulators.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the bundled city-scale scenario {@code regions/odawara.yaml}; where each figure comes from is
 * in docs/scenarios.md. Plain JDK only, so it also runs as a single source file:
 * {@code java simulators/src/main/java/org/aems/simulators/scenario/OdawaraScenarioGenerator.java [out.yaml]}.
 * Same seed, same file, byte for byte.
 */
public final class OdawaraScenarioGenerator {

    public static final long SEED = 20221101L; // the day Odawara was selected as a decarbonization leading region
    static final String FROM = "2024-04-01";
    static final int HOUSEHOLDS = 10_000;      // a 1-in-8 sample of the city's ~80,000 households (assumption)
    static final double PV_SHARE = 1.0 / 3;    // PV on about a third of roofs (city target for FY2030)
    static final double BATTERY_SHARE_OF_PV = 0.25; // assumption
    static final int SHELTERS = 7;             // 2017 programme: 7 schools with 10 kW PV + 10 kWh battery
    static final int OTHER_SCHOOLS = 29;       // assumption: ~36 municipal schools in all
    static final int PUBLIC_FACILITIES = 60;   // assumption (incl. the 3 Kuno microgrid facilities)
    static final int PPA_SITES = 10;           // assumption: larger PPA rooftops on public land
    static final int STATIONS = 30;            // eemo: ~30 stations
    static final int SHARED_EVS = 100;         // eemo target: 100 Leaf-class (40 kWh)
    static final int SHOPS = 250;              // assumption
    static final int OFFICES = 150;            // assumption

    /** substation id, name, feeders per bank. 3 substations, 7 banks, 20 feeders. */
    private static final Object[][] SUBSTATIONS = {
            {"odw-east", "小田原東配電用変電所", new int[] {3, 3, 3}},
            {"odw-kuno", "久野配電用変電所", new int[] {3, 2}},
            {"odw-kozu", "国府津配電用変電所", new int[] {3, 3}},
    };
    private static final int KUNO_MICROGRID_FEEDER = 13; // odw-kuno bank 2, first feeder

    private final Random random;
    private final List<List<String>> feederSites = new ArrayList<>();
    private final double[] feederPvKw;
    private int serial;
    final Totals totals = new Totals();

    /** What the generated file holds, for docs/scenarios.md. */
    static final class Totals {
        int households;
        int pvHouseholds;
        int sotsuFit;
        int shelters;
        int schools;
        int publicFacilities;
        int stations;
        int shops;
        int offices;
        int evChargers;
        int batteries;
        double pvKw;
        double batteryKwh;

        int sites() {
            return households + shelters + schools + publicFacilities + stations + shops + offices;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "sites %d: households %d (PV %d, 卒FIT %d), shelters %d, schools %d, public %d, "
                            + "car-sharing stations %d (EV chargers %d), shops %d, offices %d; PV %.1f MW; batteries %d, %.2f MWh",
                    sites(), households, pvHouseholds, sotsuFit, shelters, schools, publicFacilities, stations, evChargers, shops,
                    offices, pvKw / 1000, batteries, batteryKwh / 1000);
        }
    }

    public OdawaraScenarioGenerator(long seed) {
        this.random = new Random(seed);
        int feeders = 0;
        for (Object[] s : SUBSTATIONS) {
            for (int n : (int[]) s[2]) {
                feeders += n;
            }
        }
        for (int i = 0; i < feeders; i++) {
            feederSites.add(new ArrayList<>());
        }
        feederPvKw = new double[feeders];
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "simulators/src/main/resources/regions/odawara.yaml");
        OdawaraScenarioGenerator generator = new OdawaraScenarioGenerator(SEED);
        Files.writeString(out, generator.generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes): " + generator.totals);
    }

    /** The whole scenario file as YAML text. */
    public String generate() {
        int feeders = feederSites.size();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            household(i % feeders, i + 1);
        }
        for (int i = 0; i < SHELTERS; i++) {
            facility(i * 3 % feeders, "odw-shelter-" + two(i + 1), "市立第" + (i + 1) + "小学校 (避難所)", "EVACUATION_SHELTER",
                    "{loadProfile: school, annualKwh: " + kwh(120_000, 0.3) + "}",
                    pv(10) + ", " + battery(10, 5, 5) + ", " + meter(), "NONE");
        }
        for (int i = 0; i < OTHER_SCHOOLS; i++) {
            boolean hasPv = random.nextDouble() < 0.4;
            facility((i * 7 + 1) % feeders, "odw-school-" + two(i + 1), "市立学校 " + (i + 1), "SCHOOL",
                    "{loadProfile: school, annualKwh: " + kwh(150_000, 0.4) + "}",
                    (hasPv ? pv(pick(20, 30, 40, 50)) + ", " : "") + meter(), hasPv ? "FIT" : "NONE");
        }
        publicFacilities(feeders);
        for (int i = 0; i < STATIONS; i++) {
            int evs = SHARED_EVS / STATIONS + (i < SHARED_EVS % STATIONS ? 1 : 0);
            StringBuilder assets = new StringBuilder();
            for (int e = 1; e <= evs; e++) {
                assets.append("{type: ev-charger, id: ev-").append(e).append(", chargeKw: 6, dischargeKw: 6, v2x: true, curtailable: true}, ");
                totals.evChargers++;
            }
            facility((i * 11 + 2) % feeders, "odw-eemo-" + two(i + 1), "eemo ステーション " + (i + 1), "CAR_SHARING_STATION",
                    "{loadProfile: car-sharing-station, annualKwh: " + kwh(1_500, 0.3) + "}", assets + meter(), "NONE");
        }
        commercial(feeders, SHOPS, "odw-shop-", "店舗 ", "SHOP", "shop", 60_000, 0.25, 0.05);
        commercial(feeders, OFFICES, "odw-office-", "事業所 ", "OFFICE", "office", 120_000, 0.25, 0.10);
        return yaml();
    }

    private void household(int feeder, int n) {
        String persons = pickText("1p", "1p", "1p", "2p", "2p", "2p", "3p", "3p", "4p", "4p");
        int base = switch (persons) {
            case "1p" -> 2_200;
            case "2p" -> 3_700;
            case "3p" -> 4_500;
            default -> 5_300;
        };
        String simulation = "{loadProfile: household-" + persons + ", annualKwh: " + kwh(base, 0.5) + "}";
        totals.households++;
        if (random.nextDouble() >= PV_SHARE) {
            addSite(feeder, "odw-h" + String.format(Locale.ROOT, "%05d", n), null, "HOUSEHOLD", simulation, meter(),
                    null); // no PV, no buy-back contract: no history at all keeps the file under 3 MB
            return;
        }
        totals.pvHouseholds++;
        double kwp = 3.0 + 0.5 * random.nextInt(8); // 3.0 .. 6.5 kWp
        StringBuilder assets = new StringBuilder("{type: pv, id: pv-1, kwp: ").append(kwp);
        if (kwp > 5.0) {
            assets.append(", inverterKw: 5.0"); // clipped: panels oversized against a 5 kW power conditioner
        }
        int tilt = pick(20, 30, 30, 30, 40);
        int azimuth = pick(90, 135, 180, 180, 180, 225, 270);
        if (tilt != 30) {
            assets.append(", tilt: ").append(tilt);
        }
        if (azimuth != 180) {
            assets.append(", azimuth: ").append(azimuth);
        }
        assets.append(", curtailable: true}, ");
        totals.pvKw += kwp;
        if (random.nextDouble() < BATTERY_SHARE_OF_PV) {
            int size = random.nextInt(4);
            double[] kwh = {5.6, 7.7, 9.8, 12.7};
            double[] kw = {2.0, 3.0, 3.0, 4.0};
            assets.append(battery(kwh[size], kw[size], kw[size])).append(", ");
        }
        assets.append(meter());
        double r = random.nextDouble();
        String buyback;
        if (r < 0.45) {
            buyback = "[{from: " + FROM + ", status: FIT}]";
        } else {
            totals.sotsuFit++;
            String status = r < 0.80 ? "SOTSU_FIT_OURS" : "OTHER_BUYER";
            if (random.nextDouble() < 0.4) { // its 10-year FIT ended during the file's history
                String end = String.format(Locale.ROOT, "%d-%02d-01", 2024 + random.nextInt(2), 1 + random.nextInt(12));
                end = end.compareTo("2024-05-01") < 0 ? "2024-05-01" : end;
                buyback = "[{from: " + FROM + ", until: " + end + ", status: FIT}, {from: " + end + ", status: " + status + "}]";
            } else {
                buyback = "[{from: " + FROM + ", status: " + status + "}]";
            }
        }
        addSite(feeder, "odw-h" + String.format(Locale.ROOT, "%05d", n), null, "HOUSEHOLD", simulation, assets.toString(),
                buyback);
    }

    private void publicFacilities(int feeders) {
        // Kuno regional microgrid: 50 kW PV, 1,580 kWh battery, EV charger/discharger, 3 facilities on one 6.6 kV line.
        facility(KUNO_MICROGRID_FEEDER, "odw-kuno-mg-1", "久野地域マイクログリッド 拠点施設", "PUBLIC_FACILITY",
                "{loadProfile: public-facility, annualKwh: 90000}",
                pv(50) + ", " + battery(1_580, 500, 500) + ", "
                        + "{type: ev-charger, id: ev-1, chargeKw: 6, dischargeKw: 6, v2x: true, curtailable: true}, " + meter(),
                "NONE");
        totals.evChargers++;
        facility(KUNO_MICROGRID_FEEDER, "odw-kuno-mg-2", "久野地域マイクログリッド 施設 2", "PUBLIC_FACILITY",
                "{loadProfile: public-facility, annualKwh: 40000}", meter(), "NONE");
        facility(KUNO_MICROGRID_FEEDER, "odw-kuno-mg-3", "久野地域マイクログリッド 施設 3", "PUBLIC_FACILITY",
                "{loadProfile: public-facility, annualKwh: 40000}", meter(), "NONE");
        facility(0, "odw-hospital", "市立病院 (基幹病院)", "PUBLIC_FACILITY", "{loadProfile: public-facility, annualKwh: 6000000}",
                pv(200) + ", " + battery(500, 250, 250) + ", " + meter(), "NONE");
        facility(1, "odw-city-hall", "市役所", "PUBLIC_FACILITY", "{loadProfile: office, annualKwh: 2500000}",
                pv(100) + ", " + battery(200, 100, 100) + ", " + meter(), "NONE");
        for (int i = 0; i < PPA_SITES; i++) {
            int kw = pick(300, 400, 500, 600);
            facility((i * 5 + 3) % feeders, "odw-ppa-" + two(i + 1), "PPA 太陽光 " + (i + 1), "PUBLIC_FACILITY",
                    "{loadProfile: public-facility, annualKwh: " + kwh(100_000, 0.5) + "}", pv(kw) + ", " + meter(), "NONE");
        }
        for (int i = 0; i < PUBLIC_FACILITIES - 5 - PPA_SITES; i++) {
            boolean hasPv = random.nextDouble() < 0.3;
            boolean hasBattery = random.nextDouble() < 0.2;
            String assets = (hasPv ? pv(pick(10, 20, 30, 50, 100)) + ", " : "")
                    + (hasBattery ? battery(pick(20, 40, 60, 100), 20, 20) + ", " : "") + meter();
            facility((i * 3 + 2) % feeders, "odw-public-" + two(i + 1), "公共施設 " + (i + 1), "PUBLIC_FACILITY",
                    "{loadProfile: public-facility, annualKwh: " + kwh(200_000, 0.6) + "}", assets, hasPv ? "FIT" : "NONE");
        }
    }

    private void commercial(int feeders, int count, String idPrefix, String name, String kind, String profile, int annualKwh,
                            double pvShare, double batteryShare) {
        for (int i = 0; i < count; i++) {
            boolean hasPv = random.nextDouble() < pvShare;
            boolean hasBattery = hasPv && random.nextDouble() < batteryShare / pvShare;
            String assets = (hasPv ? pv(pick(10, 20, 30, 50, 80)) + ", " : "")
                    + (hasBattery ? battery(pick(10, 20, 40), 10, 10) + ", " : "") + meter();
            facility((i * 7 + 4) % feeders, idPrefix + String.format(Locale.ROOT, "%03d", i + 1), name + (i + 1), kind,
                    "{loadProfile: " + profile + ", annualKwh: " + kwh(annualKwh, 0.8) + "}", assets, hasPv ? "FIT" : "NONE");
        }
    }

    private void facility(int feeder, String id, String name, String kind, String simulation, String assets, String status) {
        switch (kind) {
            case "EVACUATION_SHELTER" -> totals.shelters++;
            case "SCHOOL" -> totals.schools++;
            case "PUBLIC_FACILITY" -> totals.publicFacilities++;
            case "CAR_SHARING_STATION" -> totals.stations++;
            case "SHOP" -> totals.shops++;
            default -> totals.offices++;
        }
        addSite(feeder, id, name, kind, simulation, assets, "[{from: " + FROM + ", status: " + status + "}]");
    }

    private void addSite(int feeder, String id, String name, String kind, String simulation, String assets, String buyback) {
        serial++;
        // 22 digits: 03 (TEPCO PG area) + 99 (marks it fictitious) + feeder (2) + serial (16).
        String supplyPoint = String.format(Locale.ROOT, "0399%02d%016d", feeder + 1, serial);
        int pvStart = assets.indexOf("{type: pv");
        while (pvStart >= 0) {
            int k = assets.indexOf("kwp: ", pvStart) + 5;
            feederPvKw[feeder] += Double.parseDouble(assets.substring(k, assets.indexOf(',', k)));
            pvStart = assets.indexOf("{type: pv", k);
        }
        feederSites.get(feeder).add("{id: " + id + (name == null ? "" : ", name: " + name) + ", kind: " + kind
                + ", supplyPoint: \"" + supplyPoint + "\", from: " + FROM + (buyback == null ? "" : ", buyback: " + buyback)
                + ", simulation: " + simulation + ", assets: [" + assets + "]}");
    }

    private String pv(double kwp) {
        totals.pvKw += kwp;
        return "{type: pv, id: pv-1, kwp: " + num(kwp) + ", curtailable: true}";
    }

    private String battery(double kwh, double chargeKw, double dischargeKw) {
        totals.batteries++;
        totals.batteryKwh += kwh;
        return "{type: battery, id: bat-1, kwh: " + num(kwh) + ", chargeKw: " + num(chargeKw) + ", dischargeKw: "
                + num(dischargeKw) + ", curtailable: true}";
    }

    private static String meter() {
        return "{type: meter, id: meter-1, metrologyClass: CERTIFIED}";
    }

    private String yaml() {
        StringBuilder y = new StringBuilder(3_000_000);
        y.append("""
                # Odawara at city scale, GENERATED by org.aems.simulators.scenario.OdawaraScenarioGenerator (seed %d):
                # do not edit by hand, change the generator and run it again. Figures and their sources: docs/scenarios.md.
                # Topology, names, limits and supply point numbers are fictitious.
                region: {id: odawara, name: 小田原市 (Odawara city scale)}
                simulation:
                  seed: %d
                  publishInterval: PT1M
                  startDate: 2026-05-12
                  profiles:
                    HOUSEHOLD: {loadProfile: household-2p, annualKwh: 3700, loadNoise: 0.25}
                    EVACUATION_SHELTER: {loadProfile: school, annualKwh: 120000, loadNoise: 0.1}
                    SCHOOL: {loadProfile: school, annualKwh: 150000, loadNoise: 0.1}
                    PUBLIC_FACILITY: {loadProfile: public-facility, annualKwh: 200000, loadNoise: 0.1}
                    CAR_SHARING_STATION: {loadProfile: car-sharing-station, annualKwh: 1500, loadNoise: 0.1, evBatteryKwh: 40, evTripsPerDay: 1.5, evKwhPerTrip: 6}
                    SHOP: {loadProfile: shop, annualKwh: 60000, loadNoise: 0.15}
                    OFFICE: {loadProfile: office, annualKwh: 120000, loadNoise: 0.15}
                substations:
                """.formatted(SEED, SEED));
        int feeder = 0;
        for (Object[] s : SUBSTATIONS) {
            y.append("- id: ").append(s[0]).append("\n  name: ").append(s[1]).append("\n  banks:\n");
            int[] banks = (int[]) s[2];
            for (int b = 0; b < banks.length; b++) {
                double bankReverse = 0;
                double bankImport = 0;
                StringBuilder feeders = new StringBuilder();
                for (int f = 0; f < banks[b]; f++, feeder++) {
                    double importKw = 3_000 + 500 * (feeder % 3); // ~300 A at 6.6 kV ≈ 3.4 MW; assumption
                    double reverseKw = Math.max(300, 50 * Math.round(0.4 * feederPvKw[feeder] / 50)); // binds on clear, low-load days
                    bankImport += importKw;
                    bankReverse += reverseKw;
                    feeders.append("    - id: odw-f").append(two(feeder + 1)).append("\n      name: 6.6kV 配電線 F")
                            .append(feeder + 1).append("\n      from: ").append(FROM).append("\n      limits: [{from: ").append(FROM)
                            .append(", reverseFlowLimitKw: ").append(num(reverseKw)).append(", importLimitKw: ").append(num(importKw))
                            .append("}]\n      sites:\n");
                    for (String site : feederSites.get(feeder)) {
                        feeders.append("      - ").append(site).append('\n');
                    }
                }
                y.append("  - id: ").append(s[0]).append("-b").append(b + 1).append("\n    limits: [{from: ").append(FROM)
                        .append(", reverseFlowLimitKw: ").append(num(100 * Math.round(0.7 * bankReverse / 100)))
                        .append(", importLimitKw: ").append(num(100 * Math.round(0.8 * bankImport / 100))).append("}]\n    feeders:\n")
                        .append(feeders);
            }
        }
        return y.toString();
    }

    private int kwh(int base, double spread) {
        return (int) (10 * Math.round(base * (1 - spread / 2 + spread * random.nextDouble()) / 10));
    }

    private String pickText(String... options) {
        return options[random.nextInt(options.length)];
    }

    private int pick(int... options) {
        return options[random.nextInt(options.length)];
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
