package org.aems.simulators.region;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.grid.Feeder;
import org.aems.core.grid.Region;
import org.aems.core.grid.Site;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.site.SiteModel;
import org.aems.simulators.site.StepContext;
import org.aems.simulators.weather.WeatherSource;

/**
 * The physics of a whole region without any MQTT: its sites under one weather. Each feeder is one cloud
 * cell, in the order the region file lists them, so that neighbouring feeders see the same clouds a few
 * minutes apart.
 */
public final class RegionModel {

    private final Region region;
    private final WeatherSource weather;
    private final List<SiteModel> sites = new ArrayList<>();

    /** @param maxSites play only the first N sites in file order (0 = all) */
    public RegionModel(Scenario scenario, int maxSites, long seed, WeatherSource weather, PhysicsOptions options) {
        this.region = scenario.region();
        this.weather = weather;
        List<Feeder> feeders = region.feeders();
        for (int cell = 0; cell < feeders.size(); cell++) {
            for (Site site : feeders.get(cell).sites()) {
                if (maxSites > 0 && sites.size() >= maxSites) {
                    return;
                }
                sites.add(new SiteModel(site, scenario.behaviour(site.id()), cell, seed, options));
            }
        }
    }

    public Region region() {
        return region;
    }

    public WeatherSource weather() {
        return weather;
    }

    public List<SiteModel> sites() {
        return sites;
    }

    /** The shared context of the step of length {@code step} ending at {@code to}. */
    public StepContext context(Instant to, Duration step) {
        return StepContext.of(to, step, weather);
    }
}
