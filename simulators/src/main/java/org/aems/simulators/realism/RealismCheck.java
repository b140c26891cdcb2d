package org.aems.simulators.realism;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.aems.core.time.Jst;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.site.SiteModel;
import org.aems.simulators.site.SiteStep;
import org.aems.simulators.site.StepContext;
import org.aems.simulators.weather.ClearSkyIndexSeries;
import org.aems.simulators.weather.DayWeather;
import org.aems.simulators.weather.RecordedAirTemperature;
import org.aems.simulators.weather.ReplayedWeather;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.Weather;
import org.aems.simulators.weather.WeatherRecord;
import org.aems.simulators.weather.WeatherSource;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Simulates the dates of the TEPCO area data (physics only, no MQTT) and compares the shapes of the
 * region's total load and PV with the real area's, per day (docs/benchmarks.md, "Simulator realism").
 * The five days with the most real solar energy are simulated under a clear sky; the others replay the
 * cloudiness of that day derived from the real solar curve ({@link SolarReplay}, the stand-in for a weather
 * feed: the demand is never used), and the simulated air temperature follows that sunshine, or is the
 * measured one where {@code --air-temperature} has it. With {@code --seeded-weather} they get the seeded
 * weather instead. It also prints the ceiling of the peak-time target with these inputs ({@link PeakCeiling},
 * the only place the real demand is fitted, and never fed to the simulator) and how much both curves wiggle.
 */
@Command(name = "aems-realism", mixinStandardHelpOptions = true,
        description = "Compares simulated regional load and PV shapes with TEPCO area actuals, per day.")
public final class RealismCheck implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data/tepco-area-2022-summer-5min.csv",
            description = "TEPCO area 5-minute CSV (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--region", defaultValue = "odawara", description = "bundled region or file (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--sites", defaultValue = "0", description = "first N sites only (0 = all)")
    int sites;

    @Option(names = "--seed", description = "random seed (default: the scenario's)")
    Long seed;

    @Option(names = "--seeded-weather", description = "simulate the days that are not clear under the seeded weather "
            + "instead of replaying their cloudiness from the real solar curve")
    boolean seededWeather;

    @Option(names = "--replay-out", description = "also write the derived cloudiness (jst_time,clear_sky_index, and air_temp_c "
            + "with --air-temperature) to this CSV, for the simulator's --weather-replay")
    Path replayOut;

    @Option(names = "--air-temperature", description = "a weather record CSV with an air_temp_c column (e.g. JMA's hourly "
            + "values for Odawara, 'jst_time,air_temp_c'): its temperatures replace the simulated air temperature on the "
            + "dates it covers; its cloudiness, if any, is not used")
    Path airTemperature;

    @Option(names = "--profiles", description = "also print the mean hourly load shape of workdays and holidays, real and simulated")
    boolean profiles;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RealismCheck()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<AreaCurves> real = AreaCurves.read(data);
        List<LocalDate> clearest = real.stream()
                .sorted(Comparator.comparingDouble((AreaCurves d) -> -ShapeStats.energy(d.solar()))).limit(5)
                .map(AreaCurves::date).sorted().toList();
        Map<LocalDate, Sky> forced = new HashMap<>();
        clearest.forEach(d -> forced.put(d, Sky.CLEAR));
        Scenario scenario = BundledRegions.scenario(region);
        long runSeed = seed != null ? seed : scenario.settings().seed().orElse(42);
        long started = System.nanoTime();
        Weather seeded = new Weather(runSeed, forced);
        List<LocalDate> replayed = real.stream().map(AreaCurves::date).filter(d -> !clearest.contains(d)).toList();
        RecordedAirTemperature recordedAir;
        try {
            recordedAir = airTemperature == null ? new RecordedAirTemperature(Map.of()) : WeatherRecord.read(airTemperature).air();
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("--air-temperature: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file " : "")
                    + e.getMessage());
            return 2;
        }
        WeatherRecord replay = WeatherRecord.of(SolarReplay.derive(real, replayed)).withAir(recordedAir);
        if (replayOut != null) {
            replay.write(replayOut);
        }
        WeatherSource weather;
        if (!seededWeather) {
            weather = new ReplayedWeather(replay, seeded);
        } else if (airTemperature != null) {
            weather = new ReplayedWeather(new WeatherRecord(new ClearSkyIndexSeries(Map.of()), recordedAir), seeded);
        } else {
            weather = seeded;
        }
        RegionModel model = new RegionModel(scenario, sites, runSeed, weather, PhysicsOptions.DEFAULT);
        System.out.printf(Locale.ROOT, "region %s, %d sites, seed %d; clear-sky days (most real solar): %s; other days: %s%n%n",
                model.region().id(), model.sites().size(), runSeed, clearest,
                seededWeather ? "seeded weather" : "cloudiness replayed from the real solar curve");
        if (airTemperature != null) {
            System.out.printf(Locale.ROOT, "air temperature recorded on %d of the %d days (%s), simulated on the others%n%n",
                    real.stream().filter(d -> recordedAir.covers(d.date())).count(), real.size(), airTemperature);
        }
        System.out.println("| date | day | sky | load corr | PV corr | peak real | peak sim | Δ peak min | eve/mid real | eve/mid sim "
                + "| Δ ratio | energy real GWh | energy sim MWh | air max sim | peak slot real | peak slot sim |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<double[]> rows = new ArrayList<>();
        List<PeakCeiling.Day> ceilingDays = new ArrayList<>();
        int[][] bands = {{1, 7}, {3, 13}, {7, 37}};
        DescriptiveStatistics[] wiggleReal = IntStream.range(0, bands.length).mapToObj(b -> new DescriptiveStatistics())
                .toArray(DescriptiveStatistics[]::new);
        DescriptiveStatistics[] wiggleSim = IntStream.range(0, bands.length).mapToObj(b -> new DescriptiveStatistics())
                .toArray(DescriptiveStatistics[]::new);
        double[][] shapes = new double[4][24];
        int[] shapeDays = new int[2];
        DescriptiveStatistics realEnergy = new DescriptiveStatistics();
        DescriptiveStatistics simEnergy = new DescriptiveStatistics();
        for (AreaCurves day : real) {
            double[][] sim = simulate(model, day.date());
            ceilingDays.add(new PeakCeiling.Day(day.date(), day.demand(), sim[2]));
            for (int b = 0; b < bands.length; b++) {
                wiggleReal[b].addValue(ShapeStats.wiggle(day.demand(), bands[b][0], bands[b][1]));
                wiggleSim[b].addValue(ShapeStats.wiggle(sim[0], bands[b][0], bands[b][1]));
            }
            double loadCorr = ShapeStats.correlation(day.demand(), sim[0]);
            double pvCorr = ShapeStats.correlation(day.solar(), sim[1]);
            int peakReal = ShapeStats.peak(day.demand());
            int peakSim = ShapeStats.peak(sim[0]);
            double ratioReal = ShapeStats.eveningOverMidday(day.demand());
            double ratioSim = ShapeStats.eveningOverMidday(sim[0]);
            double deltaRatio = ratioSim / ratioReal - 1;
            realEnergy.addValue(ShapeStats.energy(day.demand()) / 1000);
            simEnergy.addValue(ShapeStats.energy(sim[0]) / 1e6);
            DayWeather weatherOfDay = model.weather().day(day.date());
            String sky = clearest.contains(day.date()) || seededWeather ? weatherOfDay.sky().toString()
                    : String.format(Locale.ROOT, "replay %.2f", weatherOfDay.clearness());
            int airPeak = ShapeStats.peak(sim[2]);
            int slotReal = ShapeStats.peakSlot(day.demand());
            int slotSim = ShapeStats.peakSlot(sim[0]);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %s | %s | %+d | %.3f | %.3f | %+.1f %% | %.0f | %.1f | %.1f °C %s "
                            + "| %s | %s |%n",
                    day.date(), day.date().getDayOfWeek().toString().substring(0, 3), sky, loadCorr, pvCorr,
                    ShapeStats.time(peakReal), ShapeStats.time(peakSim), (peakSim - peakReal) * 5, ratioReal, ratioSim,
                    100 * deltaRatio, ShapeStats.energy(day.demand()) / 1000, ShapeStats.energy(sim[0]) / 1e6,
                    sim[2][airPeak], ShapeStats.time(airPeak), ShapeStats.time(slotReal * 6), ShapeStats.time(slotSim * 6));
            int kind = org.aems.simulators.load.WorkCalendar.isWorkday(day.date()) ? 0 : 1;
            shapeDays[kind]++;
            addShape(shapes[2 * kind], day.demand());
            addShape(shapes[2 * kind + 1], sim[0]);
            rows.add(new double[] {loadCorr, pvCorr, Math.abs(peakSim - peakReal) * 5, Math.abs(deltaRatio),
                    clearest.contains(day.date()) ? 1 : 0, Math.abs(slotSim - slotReal)});
        }
        double minLoad = rows.stream().mapToDouble(r -> r[0]).min().orElse(Double.NaN);
        double minClearPv = rows.stream().filter(r -> r[4] == 1).mapToDouble(r -> r[1]).min().orElse(Double.NaN);
        long peakWithin = rows.stream().filter(r -> r[2] <= 30).count();
        long slotWithin = rows.stream().filter(r -> r[5] <= 1).count();
        long ratioWithin = rows.stream().filter(r -> r[3] <= 0.15).count();
        double realCv = realEnergy.getStandardDeviation() / realEnergy.getMean();
        double simCv = simEnergy.getStandardDeviation() / simEnergy.getMean();
        System.out.printf(Locale.ROOT, "%nsummary: load corr min %.3f (target >= 0.9 every day); PV corr min on the 5 clear days %.3f "
                        + "(target >= 0.9); peak within ±30 min on %d/%d days "
                        + "(peak 30-minute slot within one slot on %d/%d); evening/midday within ±15 %% on %d/%d days; "
                        + "daily energy spread (CV) real %.1f %%, sim %.1f %%; %.0f s%n", minLoad, minClearPv, peakWithin, rows.size(),
                slotWithin, rows.size(),
                ratioWithin, rows.size(), 100 * realCv, 100 * simCv, (System.nanoTime() - started) / 1e9);
        PeakCeiling.Result ceiling = PeakCeiling.of(ceilingDays, 6);
        System.out.printf(Locale.ROOT, "ceiling of the peak-time target with these inputs: a regression of the real demand on the day "
                        + "type and the simulated air temperature, fitted to these very days, puts the peak within ±30 min on %d/%d days "
                        + "(%d/%d with each day left out of its own fit)%n", ceiling.inSample(), ceiling.days(), ceiling.leaveOneOut(),
                ceiling.days());
        System.out.println("  missed with each day left out (Δ min): " + ceiling.leftOutMisses().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %+d", e.getKey(), 5 * e.getValue())).collect(Collectors.joining(", ")));
        StringBuilder wiggles = new StringBuilder();
        for (int b = 0; b < bands.length; b++) {
            wiggles.append(String.format(Locale.ROOT, "%s%d–%d min real %.2f %% / simulated %.2f %%", b == 0 ? "" : ", ",
                    5 * bands[b][0], 5 * bands[b][1], 100 * wiggleReal[b].getPercentile(50), 100 * wiggleSim[b].getPercentile(50)));
        }
        System.out.println("wiggle of the load 10:00–16:00 (median of the days, share of the level): " + wiggles);
        if (profiles) {
            String[] names = {"workday real", "workday sim ", "holiday real", "holiday sim "};
            for (int k = 0; k < 4; k++) {
                StringBuilder line = new StringBuilder(names[k]);
                for (double v : shapes[k]) {
                    line.append(String.format(Locale.ROOT, " %.2f", v / shapeDays[k / 2]));
                }
                System.out.println(line);
            }
        }
        boolean met = minLoad >= 0.9 && minClearPv >= 0.9;
        return met ? 0 : 1;
    }

    private static void addShape(double[] into, double[] curve) {
        double mean = ShapeStats.mean(curve, 0, curve.length);
        for (int h = 0; h < 24; h++) {
            into[h] += ShapeStats.mean(curve, h * 12, h * 12 + 12) / mean;
        }
    }

    /**
     * The region's total load and PV, W, and the air temperature, °C, for each 5-minute step of {@code date}
     * (step i covers i×5 .. i×5+5 min).
     */
    private static double[][] simulate(RegionModel model, LocalDate date) {
        double[][] out = new double[3][AreaCurves.STEPS];
        Duration step = Duration.ofMinutes(5);
        Instant midnight = date.atStartOfDay(Jst.ZONE).toInstant();
        List<SiteModel> sites = model.sites();
        for (int i = 0; i < AreaCurves.STEPS; i++) {
            StepContext ctx = model.context(midnight.plus(step.multipliedBy(i + 1)), step);
            out[2][i] = ctx.airTempC();
            double[] load = new double[sites.size()];
            double[] pv = new double[sites.size()];
            IntStream.range(0, sites.size()).parallel().forEach(s -> {
                SiteStep result = sites.get(s).step(ctx);
                load[s] = result.loadW();
                pv[s] = result.pvW();
            });
            for (int s = 0; s < sites.size(); s++) {
                out[0][i] += load[s];
                out[1][i] += pv[s];
            }
        }
        return out;
    }
}
