package org.aems.api.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.aems.optimizer.config.PlanRecordsAutoConfiguration;
import org.aems.optimizer.forecast.ClearSky;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The region's place (aems.location.*) as a deployment sets it: the sky every PV forecast and curtailment share uses. */
class RegionLocationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlanRecordsAutoConfiguration.class))
            .withBean(DataSource.class, PGSimpleDataSource::new);

    @Test
    void odawaraUnlessTheDeploymentSaysOtherwise() {
        runner.run(context -> assertThat(context.getBean(ClearSky.class)).isEqualTo(ClearSky.ODAWARA));
        runner.withPropertyValues("aems.location.latitude=43.06", "aems.location.longitude=141.35")
                .run(context -> assertThat(context.getBean(ClearSky.class)).isEqualTo(new ClearSky(43.06, 141.35)));
    }

    @Test
    void refusesHalfAPlaceAtStartUp() {
        runner.withPropertyValues("aems.location.longitude=141.35")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("set both aems.location.latitude and aems.location.longitude")
                        .hasStackTraceContaining("only longitude was set"));
    }
}
