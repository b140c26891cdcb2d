package org.aems.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.aems.ingest.rollup.IntervalRollup;
import org.aems.ingest.rollup.RollupSettings;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The rollup's wiring, without a database: nothing runs before the first interval has passed. */
class RollupAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RollupAutoConfiguration.class))
            .withBean(DataSource.class, PGSimpleDataSource::new)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void rollsUpInTheIngestRoleWithSettingsFromAemsIngestRollup() {
        runner.withPropertyValues("aems.ingest.rollup.interval=45s", "aems.ingest.rollup.max-gap=3h",
                "aems.ingest.rollup.max-site-power-kw=500").run(context -> {
            assertThat(context).hasSingleBean(IntervalRollup.class);
            RollupSettings settings = context.getBean(RollupSettings.class);
            assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(45));
            assertThat(settings.maxGap()).isEqualTo(Duration.ofHours(3));
            assertThat(settings.maxSitePower().watts()).isEqualTo(500_000);
            assertThat(settings.overlap()).isEqualTo(Duration.ofMinutes(2));
        });
    }

    @Test
    void switchesOffWithItsOwnPropertyOrWithTheIngestRole() {
        runner.withPropertyValues("aems.ingest.rollup.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IntervalRollup.class));
        runner.withPropertyValues("aems.ingest.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IntervalRollup.class));
    }

    @Test
    void refusesInvalidSettingsAtStartUp() {
        runner.withPropertyValues("aems.ingest.rollup.max-gap=10m")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("max-gap must be at least one slot"));
    }
}
