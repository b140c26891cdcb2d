package org.aems.core.echonet;

import java.util.Arrays;
import java.util.Optional;
import org.aems.core.telemetry.Quantity;

/**
 * The properties of the low-voltage smart meter class (0x0288) that AEMS reads, with their sizes
 * (APPENDIX Detailed Requirements for ECHONET Device Objects, "Low-voltage smart electric energy
 * meter class"). Every other EPC is ignored.
 */
enum MeterProperty {
    COEFFICIENT(0xD3, "coefficient", 4, null),
    EFFECTIVE_DIGITS(0xD7, "number of effective digits", 1, null),
    IMPORT_ENERGY(0xE0, "cumulative energy, normal direction", 4, Quantity.METER_IMPORT_ENERGY),
    UNIT(0xE1, "unit for cumulative energy", 1, null),
    IMPORT_HISTORY(0xE2, "historical cumulative energy, normal direction", 2 + 48 * 4, Quantity.METER_IMPORT_ENERGY_FIXED),
    EXPORT_ENERGY(0xE3, "cumulative energy, reverse direction", 4, Quantity.METER_EXPORT_ENERGY),
    EXPORT_HISTORY(0xE4, "historical cumulative energy, reverse direction", 2 + 48 * 4, Quantity.METER_EXPORT_ENERGY_FIXED),
    HISTORY_DAY(0xE5, "day for historical data", 1, null),
    INSTANTANEOUS_POWER(0xE7, "instantaneous power", 4, Quantity.METER_POWER),
    IMPORT_FIXED(0xEA, "cumulative energy at the 30-minute boundary, normal direction", 11, Quantity.METER_IMPORT_ENERGY_FIXED),
    EXPORT_FIXED(0xEB, "cumulative energy at the 30-minute boundary, reverse direction", 11, Quantity.METER_EXPORT_ENERGY_FIXED);

    private final int epc;
    private final String meaning;
    private final int pdc;
    private final Quantity quantity;

    MeterProperty(int epc, String meaning, int pdc, Quantity quantity) {
        this.epc = epc;
        this.meaning = meaning;
        this.pdc = pdc;
        this.quantity = quantity;
    }

    static Optional<MeterProperty> of(int epc) {
        return Arrays.stream(values()).filter(p -> p.epc == epc).findFirst();
    }

    int epc() {
        return epc;
    }

    /** The only valid PDC of this property. */
    int pdc() {
        return pdc;
    }

    /** The quantity its readings have; null for properties that yield none (scale, history day). */
    Quantity quantity() {
        return quantity;
    }

    /** How rejections name the property, e.g. "EPC 0xE7 (instantaneous power)". */
    String label() {
        return "EPC " + EchonetProperty.epcHex(epc) + " (" + meaning + ")";
    }
}
