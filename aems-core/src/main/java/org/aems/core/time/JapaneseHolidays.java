package org.aems.core.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Japan's public holidays (国民の祝日, 振替休日, 国民の休日) from 1970 to 2050, as the holiday_jp dataset lists
 * them (bundled, MIT License; ADR 0015): the equinoxes, substitute holidays and citizens' holidays included,
 * which rule-of-thumb calendars get wrong. Asking about a year the dataset does not cover fails rather than
 * treating a holiday as a workday.
 */
public final class JapaneseHolidays {

    private static final String RESOURCE = "holidays-jp.csv";
    private static final JapaneseHolidays BUNDLED = load();

    private final NavigableMap<LocalDate, String> names;
    private final int firstYear;
    private final int lastYear;

    private JapaneseHolidays(NavigableMap<LocalDate, String> names) {
        this.names = Collections.unmodifiableNavigableMap(names);
        this.firstYear = names.firstKey().getYear();
        this.lastYear = names.lastKey().getYear();
    }

    /** The bundled dataset. */
    public static JapaneseHolidays bundled() {
        return BUNDLED;
    }

    public boolean isHoliday(LocalDate day) {
        requireCovered(day);
        return names.containsKey(day);
    }

    /** The holiday's Japanese name, e.g. 春分の日; empty on other days. */
    public Optional<String> name(LocalDate day) {
        requireCovered(day);
        return Optional.ofNullable(names.get(day));
    }

    /** The holidays in [from, until). */
    public SortedSet<LocalDate> between(LocalDate from, LocalDate until) {
        requireCovered(from);
        requireCovered(until.minusDays(1));
        return Collections.unmodifiableSortedSet(new TreeSet<>(names.subMap(from, true, until, false).keySet()));
    }

    private void requireCovered(LocalDate day) {
        if (day.getYear() < firstYear || day.getYear() > lastYear) {
            throw new IllegalStateException("the bundled Japanese holiday calendar covers " + firstYear + "-" + lastYear + ", not "
                    + day + "; update aems-core's holidays-jp.csv (docs/adr/0015-japanese-holidays.md)");
        }
    }

    private static JapaneseHolidays load() {
        NavigableMap<LocalDate, String> names = new TreeMap<>();
        try (InputStream in = JapaneseHolidays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from aems-core");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                String[] fields = line.split(",", 3); // no field of the dataset contains a comma
                names.put(LocalDate.parse(fields[0]), fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JapaneseHolidays(names);
    }
}
