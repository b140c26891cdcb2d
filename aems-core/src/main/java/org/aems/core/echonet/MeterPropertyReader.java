package org.aems.core.echonet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;
import org.aems.core.time.Jst;

/**
 * Reads the value properties of one meter frame into readings and rejections (the contract is on
 * {@link EchonetMeterDecoder}). Not thread-safe: one instance per frame.
 */
final class MeterPropertyReader {

    /** Unsigned long "no measurement data" (ECHONET Lite special value). */
    static final long NO_DATA_UNSIGNED = 0xFFFF_FFFEL;
    /** Signed long "no measurement data", overflow and underflow. */
    static final int NO_DATA_SIGNED = 0x7FFF_FFFE;
    static final int OVERFLOW_SIGNED = 0x7FFF_FFFF;
    static final int UNDERFLOW_SIGNED = 0x8000_0000;
    /** The largest value of an 8-digit register (0x05F5E0FF). */
    static final long MAX_REGISTER = 99_999_999L;
    static final int HISTORY_VALUES = 48;
    static final int MAX_HISTORY_DAY = 99;
    private static final Duration HISTORY_STEP = Duration.ofMinutes(30);
    private static final int LISTED_SLOTS = 4;
    private static final String SEND_SCALE = "send 0xE1 and 0xD3 (and 0xD7) in the same frame or before";

    private final SiteId site;
    private final DeviceId device;
    private final Instant gatewayTime;
    private final Optional<MeterScale> scale;
    private final List<Reading> readings = new ArrayList<>();
    private final List<Rejection> rejections;

    MeterPropertyReader(SiteId site, DeviceId device, Instant gatewayTime, Optional<MeterScale> scale,
                        List<Rejection> rejections) {
        this.site = site;
        this.device = device;
        this.gatewayTime = gatewayTime;
        this.scale = scale;
        this.rejections = rejections;
    }

    List<Reading> readings() {
        return readings;
    }

    /** Reads the property at {@code index}; scale properties were read before, by {@link ScaleProperties}. */
    void read(int index, MeterProperty property, EchonetProperty value) {
        if (property == MeterProperty.UNIT || property == MeterProperty.COEFFICIENT
                || property == MeterProperty.EFFECTIVE_DIGITS) {
            return;
        }
        if (value.pdc() != property.pdc()) {
            reject(index, RejectionReason.INVALID_READING, property.label() + " must have PDC " + property.pdc()
                    + ", had " + value.pdc());
            return;
        }
        switch (property) {
            case INSTANTANEOUS_POWER -> power(index, property, value.signedInt(0));
            case IMPORT_ENERGY, EXPORT_ENERGY -> register(index, property, value.unsignedInt(0))
                    .ifPresent(wh -> add(property.quantity(), gatewayTime, wh));
            case IMPORT_FIXED, EXPORT_FIXED -> fixed(index, property, value);
            case IMPORT_HISTORY, EXPORT_HISTORY -> history(index, property, value);
            case HISTORY_DAY -> day(index, property, value.unsignedByte(0));
            default -> throw new IllegalStateException("unhandled " + property);
        }
    }

    private void power(int index, MeterProperty property, int watts) {
        switch (watts) {
            case NO_DATA_SIGNED -> reject(index, RejectionReason.NO_MEASUREMENT,
                    property.label() + ": the meter has no measurement (0x7FFFFFFE)");
            case OVERFLOW_SIGNED -> reject(index, RejectionReason.VALUE_OUT_OF_RANGE,
                    property.label() + ": overflow (0x7FFFFFFF), above what the meter can show");
            case UNDERFLOW_SIGNED -> reject(index, RejectionReason.VALUE_OUT_OF_RANGE,
                    property.label() + ": underflow (0x80000000), below what the meter can show");
            default -> add(Quantity.METER_POWER, gatewayTime, BigDecimal.valueOf(watts));
        }
    }

    /** The Wh of a register value, or empty after recording why there is none. */
    private Optional<BigDecimal> register(int index, MeterProperty property, long register) {
        if (register == NO_DATA_UNSIGNED) {
            reject(index, RejectionReason.NO_MEASUREMENT, property.label() + ": the meter has no measurement (0xFFFFFFFE)");
        } else if (register > MAX_REGISTER) {
            reject(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label() + String.format(
                    ": 0x%08X (%d) is outside the register range 0..99999999", register, register));
        } else if (scale.isEmpty()) {
            reject(index, RejectionReason.SCALE_UNKNOWN, property.label() + ": register " + register
                    + " cannot be converted to Wh without the meter's unit; " + SEND_SCALE);
        } else if (!scale.get().fits(register)) {
            reject(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label() + ": register " + register
                    + " does not fit the meter's " + scale.get().effectiveDigits() + " effective digits (0xD7: 0.."
                    + (scale.get().registerLimit() - 1) + ")");
        } else {
            return Optional.of(scale.get().toWattHours(register));
        }
        return Optional.empty();
    }

    /** 0xEA/0xEB: the meter's own JST date and time (7 bytes), then the register (4 bytes). */
    private void fixed(int index, MeterProperty property, EchonetProperty value) {
        long register = value.unsignedInt(7);
        if (register == NO_DATA_UNSIGNED) {
            // a slot without a value: its time says nothing, so report the missing value, not the time
            reject(index, RejectionReason.NO_MEASUREMENT, property.label() + ": the meter has no measurement (0xFFFFFFFE)");
            return;
        }
        int year = value.unsignedShort(0);
        int month = value.unsignedByte(2);
        int day = value.unsignedByte(3);
        int hour = value.unsignedByte(4);
        int minute = value.unsignedByte(5);
        int second = value.unsignedByte(6);
        Instant fixedAt;
        try {
            if (year < 1 || year > 9999) {
                throw new DateTimeException("year outside 1..9999");
            }
            fixedAt = LocalDateTime.of(year, month, day, hour, minute, second).atZone(Jst.ZONE).toInstant();
        } catch (DateTimeException e) {
            reject(index, RejectionReason.INVALID_TIMESTAMP, property.label() + String.format(
                    ": the meter's time %04d-%02d-%02d %02d:%02d:%02d is not a valid date and time (year 1..9999)",
                    year, month, day, hour, minute, second));
            return;
        }
        register(index, property, register).ifPresent(wh -> add(property.quantity(), fixedAt, wh));
    }

    /**
     * 0xE2/0xE4: day number (2 bytes), then the registers at 00:00, 00:30, ..., 23:30 JST of that day.
     * Missing and out-of-range values are each aggregated into one rejection for the property.
     */
    private void history(int index, MeterProperty property, EchonetProperty value) {
        int daysAgo = value.unsignedShort(0);
        if (daysAgo > MAX_HISTORY_DAY) {
            reject(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label() + ": day " + daysAgo
                    + " is outside 0..99 (days before today)");
            return;
        }
        LocalDate date = Jst.toJst(gatewayTime).toLocalDate().minusDays(daysAgo);
        Instant midnight = date.atStartOfDay(Jst.ZONE).toInstant();
        long limit = scale.map(MeterScale::registerLimit).orElse(MAX_REGISTER + 1);
        List<Integer> missing = new ArrayList<>();
        List<Integer> outOfRange = new ArrayList<>();
        List<Integer> measured = new ArrayList<>();
        for (int i = 0; i < HISTORY_VALUES; i++) {
            long register = value.unsignedInt(2 + 4 * i);
            if (register == NO_DATA_UNSIGNED) {
                missing.add(i);
            } else if (register >= limit) {
                outOfRange.add(i);
            } else {
                measured.add(i);
            }
        }
        String ofDay = " of " + HISTORY_VALUES + " values for " + date + " (JST)";
        if (!missing.isEmpty()) {
            reject(index, RejectionReason.NO_MEASUREMENT, property.label() + ": " + missing.size() + ofDay
                    + " had no measurement (0xFFFFFFFE), at " + slots(missing));
        }
        if (!outOfRange.isEmpty()) {
            reject(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label() + ": " + outOfRange.size() + ofDay
                    + " are outside 0.." + (limit - 1) + ", at " + slots(outOfRange));
        }
        if (!measured.isEmpty() && scale.isEmpty()) {
            reject(index, RejectionReason.SCALE_UNKNOWN, property.label() + ": " + measured.size() + ofDay
                    + " cannot be converted to Wh without the meter's unit; " + SEND_SCALE);
            return;
        }
        for (int i : measured) {
            add(property.quantity(), midnight.plus(HISTORY_STEP.multipliedBy(i)),
                    scale.get().toWattHours(value.unsignedInt(2 + 4 * i)));
        }
    }

    /** 0xE5 yields nothing (the day inside 0xE2/0xE4 wins), but a day outside the range is a meter fault worth seeing. */
    private void day(int index, MeterProperty property, int daysAgo) {
        if (daysAgo > MAX_HISTORY_DAY) {
            reject(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label() + ": day " + daysAgo
                    + " is outside 0..99 (days before today)");
        }
    }

    private static String slots(List<Integer> indexes) {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < Math.min(indexes.size(), LISTED_SLOTS); n++) {
            text.append(n == 0 ? "" : ", ").append(LocalTime.MIDNIGHT.plus(HISTORY_STEP.multipliedBy(indexes.get(n))));
        }
        if (indexes.size() > LISTED_SLOTS) {
            text.append(" and ").append(indexes.size() - LISTED_SLOTS).append(" more");
        }
        return text.toString();
    }

    private void add(Quantity quantity, Instant timestamp, BigDecimal canonical) {
        readings.add(new Reading(site, device, quantity, timestamp, canonical.doubleValue()));
    }

    private void reject(int index, RejectionReason reason, String detail) {
        rejections.add(Rejection.ofReading(index, reason, detail));
    }
}
