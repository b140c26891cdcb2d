package org.aems.simulators.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.aems.core.grid.Region;
import org.aems.core.grid.SiteId;

/**
 * A region file read for simulation: the same {@link Region} the registry imports, plus the file's
 * {@code simulation:} sections (docs/scenarios.md).
 *
 * @param behaviours every site of the region, with its kind's defaults where the file says nothing
 */
public record Scenario(Region region, Settings settings, Map<SiteId, SiteBehaviour> behaviours) {

    public Scenario {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(settings, "settings");
        behaviours = Map.copyOf(behaviours);
    }

    /** A region without simulation sections: every site behaves as the default of its kind. */
    public static Scenario withDefaults(Region region) {
        Map<SiteId, SiteBehaviour> behaviours = new java.util.HashMap<>();
        region.sites().forEach(site -> behaviours.put(site.id(), SiteBehaviour.defaultFor(site.kind())));
        return new Scenario(region, Settings.NONE, behaviours);
    }

    /** The site's behaviour; every site of the region has one. */
    public SiteBehaviour behaviour(SiteId site) {
        SiteBehaviour behaviour = behaviours.get(site);
        if (behaviour == null) {
            throw new IllegalArgumentException("site " + site + " is not in region " + region.id());
        }
        return behaviour;
    }

    /** Region-wide settings; each is a hint that the command line overrides. Empty when the file does not say. */
    public record Settings(OptionalLong seed, Optional<Duration> publishInterval, Optional<LocalDate> startDate) {

        public static final Settings NONE = new Settings(OptionalLong.empty(), Optional.empty(), Optional.empty());

        public Settings {
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(publishInterval, "publishInterval");
            Objects.requireNonNull(startDate, "startDate");
        }
    }
}
