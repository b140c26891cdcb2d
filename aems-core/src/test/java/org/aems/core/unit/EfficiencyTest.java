package org.aems.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EfficiencyTest {

    @Test
    void acceptsFractionsAboveZeroUpToOne() {
        assertThat(Efficiency.of(1).fraction()).isEqualTo(1.0);
        assertThat(Efficiency.ofPercent(95)).isEqualTo(Efficiency.of(0.95));
    }

    @Test
    void rejectsZeroAndMoreThanOne() {
        assertThatThrownBy(() -> Efficiency.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("efficiency must be a fraction within (0, 1], was 0.0");
        assertThatThrownBy(() -> Efficiency.ofPercent(120))
                .hasMessage("efficiency must be a fraction within (0, 1], was 1.2");
    }
}
