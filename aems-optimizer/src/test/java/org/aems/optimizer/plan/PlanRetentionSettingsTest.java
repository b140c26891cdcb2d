package org.aems.optimizer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PlanRetentionSettingsTest {

    @Test
    void defaultsKeepAWeekOfPlansAndThirteenMonthsOfCommandsAndPurgeHourlyInBatchesOfFifty() {
        PlanRetentionSettings settings = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("aems.optimizer.plan-retention", PlanRetentionSettings.class);
        assertThat(settings).isEqualTo(new PlanRetentionSettings(true, Duration.ofDays(7), Duration.ofHours(1), 50, Duration.ofDays(30),
                Duration.ofDays(395)));
    }

    @Test
    void bindsTheSettings() {
        PlanRetentionSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "aems.optimizer.plan-retention.enabled", "false", "aems.optimizer.plan-retention.max-age", "30d",
                "aems.optimizer.plan-retention.interval", "15m", "aems.optimizer.plan-retention.batch", "10",
                "aems.optimizer.plan-retention.job-max-age", "90d", "aems.optimizer.plan-retention.command-max-age", "730d")))
                .bindOrCreate("aems.optimizer.plan-retention", PlanRetentionSettings.class);
        assertThat(settings).isEqualTo(new PlanRetentionSettings(false, Duration.ofDays(30), Duration.ofMinutes(15), 10, Duration.ofDays(90),
                Duration.ofDays(730)));
    }
}
