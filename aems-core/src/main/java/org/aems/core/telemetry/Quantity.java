package org.aems.core.telemetry;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a reading measures, in wire format v1. Each quantity has one canonical unit in which it is
 * stored; the wire may also carry the kilo unit, converted exactly on decode.
 *
 * <p>Signs follow ECHONET Lite (ADR 0001): meter power + = import from the grid, − = export;
 * battery power + = charging; EV charger power + = charging the vehicle, − = V2X discharge.
 */
public enum Quantity {
    /** Instantaneous active power at the grid connection point (ECHONET Lite 0x0288 EPC 0xE7). + = import. */
    METER_POWER("meter.power", CanonicalUnit.WATT, Range.SIGNED, false),
    /** Cumulative energy drawn from the grid, normal direction (EPC 0xE0, scaled by 0xE1/0xD3). */
    METER_IMPORT_ENERGY("meter.import.energy", CanonicalUnit.WATT_HOUR, Range.NON_NEGATIVE, true),
    /** Cumulative energy fed into the grid, reverse direction (EPC 0xE3). */
    METER_EXPORT_ENERGY("meter.export.energy", CanonicalUnit.WATT_HOUR, Range.NON_NEGATIVE, true),
    /** Import register fixed at a 30-minute boundary (EPC 0xEA); ts is the boundary. */
    METER_IMPORT_ENERGY_FIXED("meter.import.energy.fixed", CanonicalUnit.WATT_HOUR, Range.NON_NEGATIVE, true),
    /** Export register fixed at a 30-minute boundary (EPC 0xEB); ts is the boundary. */
    METER_EXPORT_ENERGY_FIXED("meter.export.energy.fixed", CanonicalUnit.WATT_HOUR, Range.NON_NEGATIVE, true),
    /** PV inverter AC output power, never negative. */
    PV_POWER("pv.power", CanonicalUnit.WATT, Range.NON_NEGATIVE, false),
    /** PV inverter cumulative generation. */
    PV_ENERGY("pv.energy", CanonicalUnit.WATT_HOUR, Range.NON_NEGATIVE, true),
    /** Site consumption (load) power, never negative. */
    LOAD_POWER("load.power", CanonicalUnit.WATT, Range.NON_NEGATIVE, false),
    /** Stationary battery power (class 0x027D). + = charging, − = discharging. */
    BATTERY_POWER("battery.power", CanonicalUnit.WATT, Range.SIGNED, false),
    /** Stationary battery state of charge, 0–100 %. */
    BATTERY_SOC("battery.soc", CanonicalUnit.PERCENT, Range.PERCENT, false),
    /** EV charger power. + = charging the vehicle, − = V2X discharge. */
    EV_POWER("ev.power", CanonicalUnit.WATT, Range.SIGNED, false),
    /** Vehicle state of charge as reported by the charger, 0–100 %. */
    EV_SOC("ev.soc", CanonicalUnit.PERCENT, Range.PERCENT, false),
    /** Whether a vehicle is plugged in: 1 (or true) plugged, 0 (or false) not. */
    EV_PLUGGED("ev.plugged", CanonicalUnit.BOOLEAN, Range.BOOLEAN, false),
    /**
     * Whether a controllable device (battery, EV charger, curtailable PV) follows a platform command: 1
     * while it holds a setpoint, 0 in its own default mode. A 1 → 0 change without a RESUME_AUTO means the
     * device fell back by itself (setpoint lapsed, connection lost, vehicle left).
     */
    DEVICE_COMMANDED("device.commanded", CanonicalUnit.BOOLEAN, Range.BOOLEAN, false);

    private static final Map<String, Quantity> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Quantity::wireName, Function.identity()));

    private final String wireName;
    private final CanonicalUnit unit;
    private final Range range;
    private final boolean cumulative;

    Quantity(String wireName, CanonicalUnit unit, Range range, boolean cumulative) {
        this.wireName = wireName;
        this.unit = unit;
        this.range = range;
        this.cumulative = cumulative;
    }

    public static Optional<Quantity> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }

    public String wireName() {
        return wireName;
    }

    /** The unit readings of this quantity are stored and returned in. */
    public CanonicalUnit unit() {
        return unit;
    }

    /** True for ever-increasing registers (which may roll over or be reset by meter replacement). */
    public boolean cumulative() {
        return cumulative;
    }

    /**
     * Converts a wire value in {@code wireUnit} to this quantity's canonical unit.
     *
     * @return empty when the unit is not accepted for this quantity
     */
    Optional<BigDecimal> toCanonical(BigDecimal value, String wireUnit) {
        return unit.factorFor(wireUnit).map(value::multiply);
    }

    /** @return a human-readable violation, or empty when the canonical value is inside the range */
    Optional<String> rangeViolation(BigDecimal canonical) {
        return range.violation(canonical, unit.symbol());
    }

    /** The canonical unit of a quantity, and the wire units that convert exactly into it. */
    public enum CanonicalUnit {
        WATT("W", Map.of("W", BigDecimal.ONE, "kW", BigDecimal.valueOf(1000))),
        WATT_HOUR("Wh", Map.of("Wh", BigDecimal.ONE, "kWh", BigDecimal.valueOf(1000))),
        PERCENT("%", Map.of("%", BigDecimal.ONE)),
        BOOLEAN("bool", Map.of("bool", BigDecimal.ONE));

        private final String symbol;
        private final Map<String, BigDecimal> factors;

        CanonicalUnit(String symbol, Map<String, BigDecimal> factors) {
            this.symbol = symbol;
            this.factors = factors;
        }

        public String symbol() {
            return symbol;
        }

        /** Wire units accepted for this canonical unit, canonical first. */
        public List<String> acceptedWireUnits() {
            return factors.keySet().stream().sorted((a, b) -> a.equals(symbol) ? -1 : b.equals(symbol) ? 1 : a.compareTo(b)).toList();
        }

        Optional<BigDecimal> factorFor(String wireUnit) {
            return Optional.ofNullable(factors.get(wireUnit));
        }
    }

    private enum Range {
        SIGNED(null, null),
        NON_NEGATIVE(BigDecimal.ZERO, null),
        PERCENT(BigDecimal.ZERO, BigDecimal.valueOf(100)),
        BOOLEAN(BigDecimal.ZERO, BigDecimal.ONE);

        private final BigDecimal min;
        private final BigDecimal max;

        Range(BigDecimal min, BigDecimal max) {
            this.min = min;
            this.max = max;
        }

        Optional<String> violation(BigDecimal value, String unit) {
            if (this == BOOLEAN && value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0) {
                return Optional.of("must be 0 or 1 (or true/false), was " + value.toPlainString());
            }
            if (min != null && value.compareTo(min) < 0) {
                return Optional.of("must be >= " + min.toPlainString() + " " + unit + ", was " + value.toPlainString() + " " + unit);
            }
            if (max != null && value.compareTo(max) > 0) {
                return Optional.of("must be <= " + max.toPlainString() + " " + unit + ", was " + value.toPlainString() + " " + unit);
            }
            return Optional.empty();
        }
    }
}
