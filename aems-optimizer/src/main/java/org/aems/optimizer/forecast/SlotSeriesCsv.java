package org.aems.optimizer.forecast;

import java.io.IOException;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.time.Slot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a time series CSV (first column an ISO-8601 time with offset, the others numbers, a header row)
 * into one {@link SlotSeries} per value column: each slot is the mean of the samples taken within it,
 * so 5-minute power samples become the slot's mean power.
 */
public final class SlotSeriesCsv {

    private SlotSeriesCsv() {
    }

    public static List<SlotSeries> read(Reader csv, String unit) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<String> columns = null;
        List<Map<Slot, double[]>> sums = new ArrayList<>();
        for (CSVRecord row : format.parse(csv)) {
            if (columns == null) {
                columns = row.getParser().getHeaderNames();
                for (int c = 1; c < columns.size(); c++) {
                    sums.add(new HashMap<>());
                }
            }
            Slot slot;
            try {
                slot = Slot.containing(OffsetDateTime.parse(row.get(0)).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("line " + row.getRecordNumber() + ": '" + row.get(0)
                        + "' is not an ISO-8601 time with offset, e.g. 2022-07-19T00:05+09:00", e);
            }
            for (int c = 1; c < columns.size(); c++) {
                String cell = row.get(c);
                if (cell.isEmpty()) {
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + row.getRecordNumber() + ", column " + columns.get(c) + ": '" + cell
                            + "' is not a number", e);
                }
                double[] acc = sums.get(c - 1).computeIfAbsent(slot, k -> new double[2]);
                acc[0] += value;
                acc[1]++;
            }
        }
        if (columns == null) {
            throw new IllegalArgumentException("the CSV has no data rows");
        }
        List<SlotSeries> series = new ArrayList<>();
        for (int c = 1; c < columns.size(); c++) {
            TreeMap<Slot, Double> values = new TreeMap<>();
            sums.get(c - 1).forEach((slot, acc) -> values.put(slot, acc[0] / acc[1]));
            series.add(new SlotSeries(columns.get(c), unit, values));
        }
        return series;
    }
}
