package org.aems.optimizer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptimizerSettingsTest {

    private static OptimizerSettings withDelay(Duration delay) {
        return new OptimizerSettings(true, 1, delay, null, null, 0, null, null, null, null, null);
    }

    @Test
    void aRoundDelayThatWouldLetTheSetpointsLapseBeforeTheNextRoundIsRefusedWithTheReason() {
        assertThat(withDelay(null).delay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(withDelay(Duration.ofMinutes(4)).delay()).isEqualTo(Duration.ofMinutes(4));
        assertThatThrownBy(() -> withDelay(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aems.optimizer.delay must lie within 0..4 min (the setpoints of a slot stay valid 5 min into the next, "
                        + "and its round must replace them before), was PT5M");
        assertThatThrownBy(() -> withDelay(Duration.ofSeconds(-1))).hasMessageContaining("was PT-1S");
    }
}
