package org.aems.api.series;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A series version as a CSV file, in one of two shapes:
 * <ul>
 *   <li>{@code date,slot,value}: a JST date and its 30-minute slot 1–48 (コマ), as JEPX and imbalance prices
 *       are published;
 *   <li>{@code from,until,value}: any period, each end a JST date (00:00 JST) or an ISO-8601 timestamp with
 *       offset, {@code until} exclusive — e.g. a CO2 factor for a fiscal year, 2025-04-01 to 2026-04-01.
 * </ul>
 * The file is a unit: any bad line refuses the whole version, with every problem and its line number.
 */
final class SeriesFile {

    /** One value of the file over [from, until). */
    record Row(long line, Instant from, Instant until, BigDecimal value) {
    }

    static final int MAX_PROBLEMS = 100;

    private SeriesFile() {
    }

    static List<Row> parse(Reader csv, SeriesUnit unit) {
        List<Row> rows = new ArrayList<>();
        List<SeriesFileException.Problem> problems = new ArrayList<>();
        int total = 0;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(csv)) {
            List<String> header = parser.getHeaderNames();
            boolean slots = header.equals(List.of("date", "slot", "value"));
            if (!slots && !header.equals(List.of("from", "until", "value"))) {
                throw new SeriesFileException(List.of(new SeriesFileException.Problem(1, "UNKNOWN_HEADER", "the header must be"
                        + " 'date,slot,value' (JST date, slot 1-48) or 'from,until,value' (JST dates or ISO timestamps), was '"
                        + String.join(",", header) + "'")), 1);
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                try {
                    rows.add(slots ? slotRow(record, line, unit) : periodRow(record, line, unit));
                } catch (BadLine bad) {
                    total++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(new SeriesFileException.Problem(line, bad.reason, bad.getMessage()));
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new SeriesFileException(List.of(new SeriesFileException.Problem(0, "MALFORMED_CSV",
                    "the file is not valid CSV (RFC 4180): " + e.getMessage())), 1);
        }
        rows.sort(Comparator.comparing(Row::from));
        for (int i = 1; i < rows.size(); i++) {
            Row before = rows.get(i - 1);
            Row row = rows.get(i);
            if (before.until().isAfter(row.from())) {
                total++;
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new SeriesFileException.Problem(row.line(), "OVERLAPPING_VALUES", "line " + row.line() + " ["
                            + jst(row.from()) + ", " + jst(row.until()) + ") overlaps line " + before.line() + " ["
                            + jst(before.from()) + ", " + jst(before.until()) + "); give each period once"));
                }
            }
        }
        if (total == 0 && rows.isEmpty()) {
            throw new SeriesFileException(List.of(new SeriesFileException.Problem(0, "EMPTY_FILE", "the file has no values")), 1);
        }
        if (total > 0) {
            throw new SeriesFileException(problems, total);
        }
        return rows;
    }

    private static Row slotRow(CSVRecord record, long line, SeriesUnit unit) {
        requireColumns(record, line);
        LocalDate date = date(record.get("date"), "date");
        int index;
        try {
            index = Integer.parseInt(record.get("slot"));
        } catch (NumberFormatException e) {
            throw new BadLine("BAD_SLOT", "slot must be a whole number 1-48, was '" + record.get("slot") + "'");
        }
        if (index < 1 || index > Slot.SLOTS_PER_DAY) {
            throw new BadLine("BAD_SLOT", "slot must be 1-48 (00:00-00:30 JST is 1), was " + index);
        }
        Slot slot = Slot.of(date, index);
        return new Row(line, slot.start(), slot.end(), value(record.get("value"), unit));
    }

    private static Row periodRow(CSVRecord record, long line, SeriesUnit unit) {
        requireColumns(record, line);
        Instant from = instant(record.get("from"), "from");
        Instant until = instant(record.get("until"), "until");
        if (!until.isAfter(from)) {
            throw new BadLine("EMPTY_PERIOD", "until (" + record.get("until") + ") must be after from (" + record.get("from") + ")");
        }
        return new Row(line, from, until, value(record.get("value"), unit));
    }

    private static void requireColumns(CSVRecord record, long line) {
        if (record.size() != 3) {
            throw new BadLine("MALFORMED_LINE", "line " + line + " has " + record.size() + " fields, expected 3");
        }
    }

    private static LocalDate date(String text, String column) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new BadLine("BAD_DATE", column + " must be a date like 2026-05-01, was '" + text + "'");
        }
    }

    private static Instant instant(String text, String column) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(Jst.ZONE).toInstant() : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new BadLine("BAD_DATE", column + " must be a JST date like 2025-04-01 or a timestamp with offset like"
                    + " 2026-05-01T00:00:00+09:00, was '" + text + "'");
        }
    }

    private static BigDecimal value(String text, SeriesUnit unit) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadLine("BAD_VALUE", "value must be a decimal number like 12.34 (" + unit.text() + "), was '" + text + "'");
        }
        if (value.signum() < 0 && !unit.negativeAllowed()) {
            throw new BadLine("BAD_VALUE", "value must be >= 0 " + unit.text() + ", was " + text);
        }
        return value;
    }

    private static String jst(Instant at) {
        return Jst.toJst(at).toOffsetDateTime().toString();
    }

    private static final class BadLine extends RuntimeException {
        final String reason;

        BadLine(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
