package org.aems.api.series;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The units a series may be kept in; every version of a series has the same one. */
enum SeriesUnit {
    /** Prices and price-like adjustments (JEPX, imbalance, fuel-cost adjustment: may be negative). */
    YEN_PER_KWH("yen/kWh", true),
    /** Grid CO2 emission factors per fiscal year and retailer. */
    KG_CO2_PER_KWH("kg-CO2/kWh", false);

    private final String text;
    private final boolean negativeAllowed;

    SeriesUnit(String text, boolean negativeAllowed) {
        this.text = text;
        this.negativeAllowed = negativeAllowed;
    }

    String text() {
        return text;
    }

    boolean negativeAllowed() {
        return negativeAllowed;
    }

    static SeriesUnit of(String text) {
        return Arrays.stream(values()).filter(u -> u.text.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("parameter 'unit' must be one of "
                        + Arrays.stream(values()).map(SeriesUnit::text).collect(Collectors.joining(", ")) + ", was '" + text + "'"));
    }
}
