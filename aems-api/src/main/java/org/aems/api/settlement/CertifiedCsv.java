package org.aems.api.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.aems.core.grid.SupplyPointNumber;
import org.aems.core.time.Slot;

/**
 * One data line of the certified-values CSV (docs/settlement.md, "Data of record"): the transmission
 * operator's 30-minute values per supply point, header
 * {@code supply_point_number,date,slot,import_kwh,export_kwh}, {@code date} the JST day, {@code slot} 1..48
 * (1 = 00:00–00:30 JST), kWh with at most 3 decimals, converted exactly to Wh (never through a double).
 */
final class CertifiedCsv {

    static final String FORMAT = "aems.certified-30min.v1";
    static final List<String> HEADER = List.of("supply_point_number", "date", "slot", "import_kwh", "export_kwh");

    /** Why a line was refused: stable codes, documented. */
    enum Reason {
        MALFORMED_LINE,
        MALFORMED_SUPPLY_POINT_NUMBER,
        UNKNOWN_SUPPLY_POINT_NUMBER,
        MALFORMED_DATE,
        SLOT_OUT_OF_RANGE,
        MALFORMED_NUMBER,
        TOO_MANY_DECIMALS,
        NEGATIVE_VALUE,
        DUPLICATE_LINE
    }

    /** A parsed line: a value to store, or a rejection. */
    sealed interface Parsed permits Value, Rejection {
    }

    /** Energies in whole Wh, both non-negative (import = 受電, export = 送電). */
    record Value(long line, SupplyPointNumber supplyPoint, Slot slot, long importWh, long exportWh) implements Parsed {
    }

    /** {@code line} is the line of the file, the header being line 1. */
    record Rejection(long line, Reason reason, String detail) implements Parsed {
    }

    /** A value that cannot be taken, with the reason. */
    static final class Refused extends RuntimeException {
        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    // Plain decimal digits only: no sign, exponent, grouping or blanks (BigDecimal alone would take "1E3").
    private static final Pattern KWH = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern SLOT = Pattern.compile("[0-9]{1,9}");

    private CertifiedCsv() {
    }

    /**
     * Parses line {@code line}; {@code known} says whether the registry has a site with that supply point
     * number. The first problem found refuses the line.
     */
    static Parsed parse(long line, List<String> fields, Predicate<String> known) {
        try {
            if (fields.size() != HEADER.size()) {
                throw new Refused(Reason.MALFORMED_LINE, "line has " + fields.size() + " column(s), expected " + HEADER.size()
                        + " (" + String.join(",", HEADER) + ")");
            }
            String number = fields.get(0).trim();
            SupplyPointNumber supplyPoint;
            try {
                supplyPoint = SupplyPointNumber.of(number);
            } catch (IllegalArgumentException e) {
                throw new Refused(Reason.MALFORMED_SUPPLY_POINT_NUMBER, "supply point number must be exactly 22 digits, was '"
                        + number + "'");
            }
            if (!known.test(supplyPoint.value())) {
                throw new Refused(Reason.UNKNOWN_SUPPLY_POINT_NUMBER, "supply point number " + supplyPoint
                        + " is not in the registry; import the region file that has its site, then send this line again in a new file");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(fields.get(1).trim());
            } catch (DateTimeParseException e) {
                throw new Refused(Reason.MALFORMED_DATE, "date must be a JST day like 2026-05-01, was '" + fields.get(1) + "'");
            }
            String slotText = fields.get(2).trim();
            if (!SLOT.matcher(slotText).matches()) {
                throw new Refused(Reason.MALFORMED_NUMBER, "slot must be a whole number 1..48, was '" + slotText + "'");
            }
            int index = Integer.parseInt(slotText);
            if (index < 1 || index > Slot.SLOTS_PER_DAY) {
                throw new Refused(Reason.SLOT_OUT_OF_RANGE, "slot must be within 1..48 (1 = 00:00-00:30 JST), was " + index);
            }
            long importWh = wattHours(HEADER.get(3), fields.get(3));
            long exportWh = wattHours(HEADER.get(4), fields.get(4));
            return new Value(line, supplyPoint, Slot.of(date, index), importWh, exportWh);
        } catch (Refused e) {
            return new Rejection(line, e.reason(), e.getMessage());
        }
    }

    /** kWh with at most 3 decimals as exact Wh: "1.234" → 1234, "0.1" → 100; anything else is refused. */
    static long wattHours(String column, String text) {
        String kwh = text.trim();
        if (!KWH.matcher(kwh).matches()) {
            throw new Refused(Reason.MALFORMED_NUMBER, column + " must be a decimal number of kWh like 1.234, was '" + text + "'");
        }
        BigDecimal value = new BigDecimal(kwh);
        if (value.signum() < 0) {
            throw new Refused(Reason.NEGATIVE_VALUE, column + " must not be negative (import and export are separate"
                    + " registers), was " + kwh);
        }
        // Trailing zeros are exact ("1.2340" is 1234 Wh); a fourth significant decimal is not.
        if (value.stripTrailingZeros().scale() > 3) {
            throw new Refused(Reason.TOO_MANY_DECIMALS, column + " has more than 3 decimals (finer than 1 Wh), was " + kwh);
        }
        try {
            return value.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            throw new Refused(Reason.MALFORMED_NUMBER, column + " is too large, was " + kwh);
        }
    }
}
