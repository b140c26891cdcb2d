package org.aems.core.echonet;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How a low-voltage smart meter's energy registers (EPC 0xE0, 0xE3, 0xEA, 0xEB, 0xE2, 0xE4) turn into
 * energy: register × coefficient (0xD3) × unit (0xE1) = kWh, and the register wraps to 0 at
 * 10<sup>effective digits</sup> (0xD7). Conversions are exact ({@link BigDecimal}); a meter keeps its
 * scale, so a gateway may send 0xE1/0xD3/0xD7 once and the registers later.
 *
 * @param unit            from 0xE1
 * @param coefficient     from 0xD3, 1..999,999; 1 when the meter has no 0xD3 (the specification's default)
 * @param effectiveDigits from 0xD7, 1..8; 8 (the widest register, 0..99,999,999) when not known
 */
public record MeterScale(Unit unit, long coefficient, int effectiveDigits) {

    public static final long DEFAULT_COEFFICIENT = 1;
    public static final long MAX_COEFFICIENT = 999_999;
    public static final int MAX_EFFECTIVE_DIGITS = 8;
    private static final BigDecimal WATT_HOURS_PER_KWH = BigDecimal.valueOf(1000);

    public MeterScale {
        Objects.requireNonNull(unit, "unit");
        if (coefficient < 1 || coefficient > MAX_COEFFICIENT) {
            throw new IllegalArgumentException("coefficient (0xD3) must be 1..999999, was " + coefficient);
        }
        if (effectiveDigits < 1 || effectiveDigits > MAX_EFFECTIVE_DIGITS) {
            throw new IllegalArgumentException("effective digits (0xD7) must be 1..8, was " + effectiveDigits);
        }
    }

    /** The scale of a meter that reported only its unit: coefficient 1, 8 digits. */
    public static MeterScale of(Unit unit) {
        return new MeterScale(unit, DEFAULT_COEFFICIENT, MAX_EFFECTIVE_DIGITS);
    }

    /** The register value at which the register wraps to 0: 10<sup>effective digits</sup>. */
    public long registerLimit() {
        return BigDecimal.TEN.pow(effectiveDigits).longValueExact();
    }

    /** True when {@code register} is a value this meter can show: 0 ≤ register &lt; {@link #registerLimit()}. */
    public boolean fits(long register) {
        return register >= 0 && register < registerLimit();
    }

    /** The energy of one register step in Wh: coefficient × unit × 1,000, exact. */
    public BigDecimal wattHoursPerStep() {
        return unit.kilowattHours().multiply(WATT_HOURS_PER_KWH).multiply(BigDecimal.valueOf(coefficient));
    }

    /**
     * Converts a register value to Wh, exactly.
     *
     * @throws IllegalArgumentException when the register does not {@link #fits fit} the meter's digits
     */
    public BigDecimal toWattHours(long register) {
        if (!fits(register)) {
            throw new IllegalArgumentException("register " + register + " does not fit the meter's " + effectiveDigits
                    + " effective digits (0.." + (registerLimit() - 1) + ")");
        }
        return wattHoursPerStep().multiply(BigDecimal.valueOf(register));
    }

    /** The energy in Wh at which the register wraps to 0 (= {@link #registerLimit()} steps), exact. */
    public BigDecimal rolloverWattHours() {
        return wattHoursPerStep().multiply(BigDecimal.valueOf(registerLimit()));
    }

    /** The unit of the energy registers, EPC 0xE1. */
    public enum Unit {
        KWH_1(0x00, "1"),
        KWH_0_1(0x01, "0.1"),
        KWH_0_01(0x02, "0.01"),
        KWH_0_001(0x03, "0.001"),
        KWH_0_0001(0x04, "0.0001"),
        KWH_10(0x0A, "10"),
        KWH_100(0x0B, "100"),
        KWH_1000(0x0C, "1000"),
        KWH_10000(0x0D, "10000");

        private final int code;
        private final BigDecimal kilowattHours;

        Unit(int code, String kilowattHours) {
            this.code = code;
            this.kilowattHours = new BigDecimal(kilowattHours);
        }

        /** The EDT of 0xE1. */
        public int code() {
            return code;
        }

        /** One register step in kWh (before the coefficient). */
        public BigDecimal kilowattHours() {
            return kilowattHours;
        }

        /** @return empty for codes the specification does not define (0x05–0x09, 0x0E–0xFF) */
        public static Optional<Unit> ofCode(int code) {
            return Arrays.stream(values()).filter(u -> u.code == code).findFirst();
        }

        @Override
        public String toString() {
            return kilowattHours.toPlainString() + " kWh";
        }
    }
}
