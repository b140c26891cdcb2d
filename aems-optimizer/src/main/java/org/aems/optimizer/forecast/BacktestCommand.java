package org.aems.optimizer.forecast;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Day-ahead forecast backtest on any CSV time series, against naive persistence (issue #5). */
@Command(name = "aems-backtest", mixinStandardHelpOptions = true,
        description = "Forecasts every day of a CSV time series day-ahead (issued 12:00 JST the day before) from history only, "
                + "and prints MAE and nMAE per horizon for the profile forecaster and naive persistence.")
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, description = "time,value... with a header; e.g. ../shared/data/tepco-area-2022-summer-5min.csv")
    Path csv;

    @Option(names = "--unit", defaultValue = "MW", description = "unit of the values, for the report (default ${DEFAULT-VALUE})")
    String unit;

    @Option(names = "--pv-columns", defaultValue = "(?i).*(solar|pv).*",
            description = "columns that are PV, also forecast from clear sky (regex, default ${DEFAULT-VALUE})")
    String pvColumns;

    @Option(names = "--warmup-days", defaultValue = "7", description = "days of history before the first forecast (default ${DEFAULT-VALUE})")
    int warmupDays;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BacktestCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<SlotSeries> series;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            series = SlotSeriesCsv.read(reader, unit);
        }
        Backtest backtest = new Backtest(warmupDays);
        for (SlotSeries s : series) {
            System.out.printf("%n%s (%s), %s .. %s%n", s.name(), s.unit(), s.firstDay(), s.lastDay());
            System.out.printf("  %-52s %12s %12s %12s %12s %12s%n", "forecaster (nMAE; MAE in " + s.unit() + " for all)", "12.5-18 h",
                    "18.5-24 h", "24.5-30 h", "30.5-36 h", "all");
            List<DayAheadForecaster> forecasters = s.name().matches(pvColumns)
                    ? List.of(new ClearSkyPvForecaster(), new ProfileForecaster(), new PersistenceForecaster())
                    : List.of(new ProfileForecaster(), new PersistenceForecaster());
            for (DayAheadForecaster f : forecasters) {
                Backtest.Result r = backtest.run(s, f);
                StringBuilder line = new StringBuilder("  %-52s".formatted(r.forecaster() + ", " + r.days() + " days"));
                for (Backtest.HorizonError h : r.horizons()) {
                    line.append(" %11.1f%%".formatted(h.nmae() * 100));
                }
                line.append(" %6.1f%% %,.0f".formatted(r.overall().nmae() * 100, r.overall().mae()));
                System.out.println(line);
            }
        }
        return 0;
    }
}
