package org.aems.core.echonet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeterScaleTest {

    @ParameterizedTest(name = "E1 0x{0} -> {1} kWh")
    @CsvSource({"00, 1", "01, 0.1", "02, 0.01", "03, 0.001", "04, 0.0001", "0A, 10", "0B, 100", "0C, 1000", "0D, 10000"})
    void knowsEveryUnitCodeOfTheSpecification(String code, String kilowattHours) {
        MeterScale.Unit unit = MeterScale.Unit.ofCode(Integer.parseInt(code, 16)).orElseThrow();
        assertThat(unit.kilowattHours()).isEqualByComparingTo(kilowattHours);
    }

    @Test
    void hasNoUnitForUndefinedCodes() {
        assertThat(MeterScale.Unit.ofCode(0x05)).isEmpty();
        assertThat(MeterScale.Unit.ofCode(0x0E)).isEmpty();
    }

    @Test
    void convertsTenthsOfAKilowattHourExactly() {
        MeterScale scale = new MeterScale(MeterScale.Unit.KWH_0_1, 1, 6);
        assertThat(scale.toWattHours(65_139)).isEqualByComparingTo("6513900");
    }

    @Test
    void keepsFractionsOfAWattHourExactly() {
        MeterScale scale = MeterScale.of(MeterScale.Unit.KWH_0_0001);
        assertThat(scale.toWattHours(12_345)).isEqualByComparingTo("1234.5");
        assertThat(scale.toWattHours(99_999_999)).isEqualByComparingTo("9999999.9");
    }

    @Test
    void multipliesByTheCoefficient() {
        MeterScale scale = new MeterScale(MeterScale.Unit.KWH_0_01, 10, 8);
        assertThat(scale.wattHoursPerStep()).isEqualByComparingTo("100");
        assertThat(scale.toWattHours(77_161)).isEqualByComparingTo("7716100");
    }

    @Test
    void handlesUnitsAboveOneKilowattHour() {
        MeterScale scale = MeterScale.of(MeterScale.Unit.KWH_10);
        assertThat(scale.toWattHours(1_111)).isEqualByComparingTo("11110000");
    }

    @Test
    void rollsOverAtTenToTheEffectiveDigits() {
        MeterScale scale = new MeterScale(MeterScale.Unit.KWH_0_1, 1, 6);
        assertThat(scale.registerLimit()).isEqualTo(1_000_000L);
        assertThat(scale.rolloverWattHours()).isEqualByComparingTo(new BigDecimal("100000000"));
        assertThat(scale.fits(999_999)).isTrue();
        assertThat(scale.fits(1_000_000)).isFalse();
        assertThatThrownBy(() -> scale.toWattHours(1_000_000))
                .hasMessage("register 1000000 does not fit the meter's 6 effective digits (0..999999)");
    }

    @Test
    void rolloverIncludesCoefficientAndUnit() {
        MeterScale scale = new MeterScale(MeterScale.Unit.KWH_10, 40, 5);
        // 100,000 steps of 40 x 10 kWh = 40,000,000 kWh
        assertThat(scale.rolloverWattHours()).isEqualByComparingTo("40000000000");
    }

    @Test
    void defaultsToCoefficientOneAndEightDigits() {
        MeterScale scale = MeterScale.of(MeterScale.Unit.KWH_1);
        assertThat(scale.coefficient()).isEqualTo(1);
        assertThat(scale.effectiveDigits()).isEqualTo(8);
        assertThat(scale.registerLimit()).isEqualTo(100_000_000L);
    }

    @Test
    void refusesCoefficientsAndDigitsOutsideTheSpecification() {
        assertThatThrownBy(() -> new MeterScale(MeterScale.Unit.KWH_1, 0, 6))
                .hasMessage("coefficient (0xD3) must be 1..999999, was 0");
        assertThatThrownBy(() -> new MeterScale(MeterScale.Unit.KWH_1, 1_000_000, 6))
                .hasMessage("coefficient (0xD3) must be 1..999999, was 1000000");
        assertThatThrownBy(() -> new MeterScale(MeterScale.Unit.KWH_1, 1, 9))
                .hasMessage("effective digits (0xD7) must be 1..8, was 9");
    }
}
