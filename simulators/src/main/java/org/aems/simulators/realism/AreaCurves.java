package org.aems.simulators.realism;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TEPCO area's actual demand and solar, 5-minute values, one day per entry (shared/data/README.md).
 *
 * @param demand MW per 5 minutes from 00:00 JST, 288 values
 * @param solar  MW, 288 values
 */
public record AreaCurves(LocalDate date, double[] demand, double[] solar) {

    public static final int STEPS = 288;

    /** Reads {@code jst_time,tepco_area_demand_mw,tepco_area_solar_mw}; keeps whole days only. */
    public static List<AreaCurves> read(Path csv) throws IOException {
        Map<LocalDate, double[][]> days = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            OffsetDateTime t = OffsetDateTime.parse(f[0]);
            int index = (t.getHour() * 60 + t.getMinute()) / 5;
            double[][] day = days.computeIfAbsent(t.toLocalDate(), d -> new double[][] {nan(), nan()});
            day[0][index] = Double.parseDouble(f[1]);
            day[1][index] = Double.parseDouble(f[2]);
        }
        return days.entrySet().stream()
                .filter(e -> java.util.Arrays.stream(e.getValue()[0]).noneMatch(Double::isNaN))
                .map(e -> new AreaCurves(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static double[] nan() {
        double[] a = new double[STEPS];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
