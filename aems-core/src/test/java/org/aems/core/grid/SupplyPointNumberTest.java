package org.aems.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SupplyPointNumberTest {

    @Test
    void acceptsExactlyTwentyTwoDigitsKeepingLeadingZeros() {
        assertThat(SupplyPointNumber.of("0312345678901234567890")).hasToString("0312345678901234567890");
    }

    @Test
    void rejectsOtherLengths() {
        assertThatThrownBy(() -> SupplyPointNumber.of("031234567890123456789"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("supply point number must be exactly 22 digits, was '031234567890123456789'");
        assertThatThrownBy(() -> SupplyPointNumber.of("03123456789012345678901"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonAsciiDigitsAndSeparators() {
        assertThatThrownBy(() -> SupplyPointNumber.of("０３12345678901234567890")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SupplyPointNumber.of("03-2345678901234567890")).isInstanceOf(IllegalArgumentException.class);
    }
}
