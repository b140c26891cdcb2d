package org.aems.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.aems.api.settlement.CertifiedCsv.Reason;
import org.aems.api.settlement.CertifiedCsv.Rejection;
import org.aems.api.settlement.CertifiedCsv.Value;
import org.aems.core.time.Slot;
import org.junit.jupiter.api.Test;

/** The certified-values CSV line by line: exact kWh → Wh, and each refusal with its reason. #6 */
class CertifiedCsvTest {

    static final String KNOWN = "0300000000000000000031";

    @Test
    void convertsKilowattHoursWithUpToThreeDecimalsExactlyToWattHours() {
        assertThat(CertifiedCsv.wattHours("export_kwh", "1.234")).isEqualTo(1234);
        assertThat(CertifiedCsv.wattHours("export_kwh", "0.1")).isEqualTo(100);
        assertThat(CertifiedCsv.wattHours("export_kwh", "0")).isZero();
        assertThat(CertifiedCsv.wattHours("export_kwh", "12345678.999")).isEqualTo(12_345_678_999L);
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004: never through a double.
        assertThat(CertifiedCsv.wattHours("export_kwh", "0.3")).isEqualTo(300);
        assertThat(CertifiedCsv.wattHours("export_kwh", " 2.5 ")).isEqualTo(2500);
        assertThat(CertifiedCsv.wattHours("export_kwh", "1.2340")).isEqualTo(1234);
    }

    @Test
    void refusesAFourthDecimalANegativeValueAndAnythingButPlainDecimals() {
        assertRefused("1.2345", Reason.TOO_MANY_DECIMALS, "export_kwh has more than 3 decimals (finer than 1 Wh), was 1.2345");
        assertRefused("-0.1", Reason.NEGATIVE_VALUE,
                "export_kwh must not be negative (import and export are separate registers), was -0.1");
        for (String bad : List.of("", "abc", "1E3", "1,5", "+1", ".5", "1.", "０.１", "NaN")) {
            assertThatThrownBy(() -> CertifiedCsv.wattHours("export_kwh", bad)).as(bad)
                    .isInstanceOfSatisfying(CertifiedCsv.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED_NUMBER));
        }
    }

    @Test
    void parsesALineIntoSupplyPointJstSlotAndWattHours() {
        Value v = (Value) CertifiedCsv.parse(2, List.of(KNOWN, "2026-06-01", "25", "0.010", "1.5"), Set.of(KNOWN)::contains);
        assertThat(v.supplyPoint().value()).isEqualTo(KNOWN);
        assertThat(v.slot()).isEqualTo(Slot.of(LocalDate.of(2026, 6, 1), 25));
        assertThat(v.slot().start().toString()).isEqualTo("2026-06-01T03:00:00Z");
        assertThat(v.importWh()).isEqualTo(10);
        assertThat(v.exportWh()).isEqualTo(1500);
    }

    @Test
    void refusesEachBadLineWithItsLineNumberAndReason() {
        assertLine(List.of("0399999999999999999999", "2026-06-01", "1", "0", "0.1"), Reason.UNKNOWN_SUPPLY_POINT_NUMBER,
                "supply point number 0399999999999999999999 is not in the registry; import the region file that has its site,"
                        + " then send this line again in a new file");
        assertLine(List.of("12345", "2026-06-01", "1", "0", "0.1"), Reason.MALFORMED_SUPPLY_POINT_NUMBER,
                "supply point number must be exactly 22 digits, was '12345'");
        assertLine(List.of(KNOWN, "2026-06-31", "1", "0", "0.1"), Reason.MALFORMED_DATE,
                "date must be a JST day like 2026-05-01, was '2026-06-31'");
        assertLine(List.of(KNOWN, "2026-06-01", "49", "0", "0.1"), Reason.SLOT_OUT_OF_RANGE,
                "slot must be within 1..48 (1 = 00:00-00:30 JST), was 49");
        assertLine(List.of(KNOWN, "2026-06-01", "0", "0", "0.1"), Reason.SLOT_OUT_OF_RANGE,
                "slot must be within 1..48 (1 = 00:00-00:30 JST), was 0");
        assertLine(List.of(KNOWN, "2026-06-01", "1.5", "0", "0.1"), Reason.MALFORMED_NUMBER,
                "slot must be a whole number 1..48, was '1.5'");
        assertLine(List.of(KNOWN, "2026-06-01", "1", "abc", "0.1"), Reason.MALFORMED_NUMBER,
                "import_kwh must be a decimal number of kWh like 1.234, was 'abc'");
        assertLine(List.of(KNOWN, "2026-06-01", "1", "0"), Reason.MALFORMED_LINE,
                "line has 4 column(s), expected 5 (supply_point_number,date,slot,import_kwh,export_kwh)");
    }

    private static void assertLine(List<String> fields, Reason reason, String detail) {
        Rejection r = (Rejection) CertifiedCsv.parse(7, fields, Set.of(KNOWN)::contains);
        assertThat(r.line()).isEqualTo(7);
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.detail()).isEqualTo(detail);
    }

    private static void assertRefused(String text, Reason reason, String message) {
        assertThatThrownBy(() -> CertifiedCsv.wattHours("export_kwh", text))
                .isInstanceOfSatisfying(CertifiedCsv.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(reason);
                    assertThat(r.getMessage()).isEqualTo(message);
                });
    }
}
