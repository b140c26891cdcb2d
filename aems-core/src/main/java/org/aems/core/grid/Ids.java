package org.aems.core.grid;

import java.util.Objects;
import java.util.regex.Pattern;

/** The one rule for ids: usable as an MQTT topic segment and a broker username (no '/', '+', '#', spaces). */
final class Ids {

    static final String PATTERN_TEXT = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);

    private Ids() {
    }

    static String check(String kind, String value) {
        Objects.requireNonNull(value, kind + " id");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " id must match " + PATTERN_TEXT + ", was '" + value + "'");
        }
        return value;
    }
}
