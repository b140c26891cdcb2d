package org.aems.ingest.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

class RollupSettingsTest {

    @Test
    void defaultsComputeASlotWithinAMinuteOfClosing() {
        RollupSettings defaults = RollupSettings.defaults();

        assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.overlap()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.maxGap()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.powerHold()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.maxSitePower()).isEqualTo(Power.ofWatts(2_000_000));
        assertThat(defaults.batchSize()).isEqualTo(500);
        assertThat(defaults.closeDelay().plus(defaults.interval())).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void rejectsAMaxGapShorterThanOneSlotAndSaysTheLimit() {
        assertThatThrownBy(() -> new RollupSettings(null, null, null, Duration.ofMinutes(10), null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aems.ingest.rollup.max-gap must be at least one slot (30 min), was PT10M");
    }

    @Test
    void rejectsANonPositiveInterval() {
        assertThatThrownBy(() -> new RollupSettings(Duration.ZERO, null, null, null, null, 0, 0))
                .hasMessageContaining("aems.ingest.rollup.interval must be > 0");
    }
}
