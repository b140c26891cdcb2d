package org.aems.core.echonet;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;

/**
 * The valid scale properties (0xE1 unit, 0xD3 coefficient, 0xD7 effective digits) of one frame.
 * Invalid ones become rejections at their property index and count as absent.
 */
final class ScaleProperties {

    private Optional<MeterScale.Unit> unit = Optional.empty();
    private OptionalLong coefficient = OptionalLong.empty();
    private OptionalInt digits = OptionalInt.empty();

    private ScaleProperties() {
    }

    static ScaleProperties read(EchonetFrame frame, List<Rejection> rejections) {
        ScaleProperties found = new ScaleProperties();
        List<EchonetProperty> properties = frame.properties();
        for (int i = 0; i < properties.size(); i++) {
            EchonetProperty value = properties.get(i);
            Optional<MeterProperty> property = MeterProperty.of(value.epc());
            if (property.isEmpty() || (frame.esv().partial() && value.pdc() == 0)) {
                continue;
            }
            MeterProperty p = property.get();
            if (p != MeterProperty.UNIT && p != MeterProperty.COEFFICIENT && p != MeterProperty.EFFECTIVE_DIGITS) {
                continue;
            }
            if (value.pdc() != p.pdc()) {
                rejections.add(Rejection.ofReading(i, RejectionReason.INVALID_READING,
                        p.label() + " must have PDC " + p.pdc() + ", had " + value.pdc()));
                continue;
            }
            found.take(i, p, value, rejections);
        }
        return found;
    }

    private void take(int index, MeterProperty property, EchonetProperty value, List<Rejection> rejections) {
        switch (property) {
            case UNIT -> {
                int code = value.unsignedByte(0);
                unit = MeterScale.Unit.ofCode(code);
                if (unit.isEmpty()) {
                    rejections.add(Rejection.ofReading(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label()
                            + String.format(": 0x%02X is not a defined unit (0x00-0x04, 0x0A-0x0D)", code)));
                }
            }
            case COEFFICIENT -> {
                long c = value.unsignedInt(0);
                if (c >= 1 && c <= MeterScale.MAX_COEFFICIENT) {
                    coefficient = OptionalLong.of(c);
                } else {
                    rejections.add(Rejection.ofReading(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label()
                            + ": " + c + " is outside 1..999999"));
                }
            }
            case EFFECTIVE_DIGITS -> {
                int d = value.unsignedByte(0);
                if (d >= 1 && d <= MeterScale.MAX_EFFECTIVE_DIGITS) {
                    digits = OptionalInt.of(d);
                } else {
                    rejections.add(Rejection.ofReading(index, RejectionReason.VALUE_OUT_OF_RANGE, property.label()
                            + ": " + d + " is outside 1..8"));
                }
            }
            default -> throw new IllegalArgumentException(property + " is not a scale property");
        }
    }

    /**
     * This frame's scale: its own properties, the known scale for what it lacks, then the defaults
     * (coefficient 1, 8 digits). Empty when the frame had no valid scale property, or when neither it
     * nor the known scale gives the unit.
     */
    Optional<MeterScale> merge(Optional<MeterScale> known) {
        if (unit.isEmpty() && coefficient.isEmpty() && digits.isEmpty()) {
            return Optional.empty();
        }
        Optional<MeterScale.Unit> mergedUnit = unit.or(() -> known.map(MeterScale::unit));
        if (mergedUnit.isEmpty()) {
            return Optional.empty();
        }
        long c = coefficient.orElse(known.map(MeterScale::coefficient).orElse(MeterScale.DEFAULT_COEFFICIENT));
        int d = digits.orElse(known.map(MeterScale::effectiveDigits).orElse(MeterScale.MAX_EFFECTIVE_DIGITS));
        return Optional.of(new MeterScale(mergedUnit.get(), c, d));
    }
}
