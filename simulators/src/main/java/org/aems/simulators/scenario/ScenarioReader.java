package org.aems.simulators.scenario;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.aems.core.grid.Region;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.SiteKind;
import org.aems.core.region.RegionFileException;
import org.aems.core.region.RegionFileReader;
import org.aems.core.unit.Energy;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a scenario: a region file with optional {@code simulation:} sections (docs/scenarios.md). The
 * grid and sites come from {@link RegionFileReader}, exactly as the registry reads them; the same YAML is
 * then read a second time, as plain maps and lists, for the sections the registry ignores. Every
 * problem of both passes is reported together, each as "path: what is wrong", in one
 * {@link RegionFileException}.
 */
public final class ScenarioReader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final List<String> SETTINGS_FIELDS = List.of("seed", "publishInterval", "startDate", "profiles");
    private static final List<String> BEHAVIOUR_FIELDS = List.of("loadProfile", "annualKwh", "loadNoise", "evBatteryKwh",
            "evTripsPerDay", "evKwhPerTrip");

    public Scenario read(byte[] yaml) {
        List<String> problems = new ArrayList<>();
        Region region = null;
        try {
            region = new RegionFileReader().read(new ByteArrayInputStream(yaml));
        } catch (RegionFileException e) {
            problems.addAll(e.problems());
        }
        Object tree;
        try {
            tree = YAML.readValue(yaml, Object.class);
        } catch (JacksonException e) {
            throw new RegionFileException(problems); // not YAML: the region reader has said so
        }
        Sections sections = new Sections(problems);
        Map<String, Object> root = sections.map("(file)", tree);
        Scenario.Settings settings = sections.settings(root == null ? null : root.get("simulation"));
        Map<String, SiteOverride> siteOverrides = sections.siteOverrides(root);
        if (!problems.isEmpty()) {
            throw new RegionFileException(problems);
        }
        Map<SiteId, SiteBehaviour> behaviours = new HashMap<>();
        for (Site site : region.sites()) {
            SiteBehaviour behaviour = sections.kindProfiles.getOrDefault(site.kind(), SiteBehaviour.defaultFor(site.kind()));
            SiteOverride override = siteOverrides.get(site.id().value());
            if (override != null) {
                behaviour = sections.behaviour(override.path(), override.section(), behaviour);
            }
            behaviours.put(site.id(), behaviour);
        }
        return new Scenario(region, settings, behaviours);
    }

    private record SiteOverride(String path, Object section) {
    }

    /** Checks the simulation sections field by field, noting each problem with its path. */
    private static final class Sections {
        private final List<String> problems;
        private final Map<SiteKind, SiteBehaviour> kindProfiles = new HashMap<>();

        Sections(List<String> problems) {
            this.problems = problems;
        }

        Scenario.Settings settings(Object section) {
            Map<String, Object> s = map("simulation", section);
            if (s == null) {
                return Scenario.Settings.NONE;
            }
            unknownFields("simulation", s, SETTINGS_FIELDS);
            OptionalLong seed = OptionalLong.empty();
            if (s.get("seed") != null) {
                if (s.get("seed") instanceof Integer || s.get("seed") instanceof Long) {
                    seed = OptionalLong.of(((Number) s.get("seed")).longValue());
                } else {
                    problems.add("simulation.seed: must be a whole number, was '" + s.get("seed") + "'");
                }
            }
            Optional<Duration> interval = Optional.ofNullable(parse("simulation.publishInterval", s.get("publishInterval"),
                    Duration::parse, "an ISO-8601 duration such as PT5S"));
            if (interval.isPresent() && (interval.get().isNegative() || interval.get().isZero())) {
                problems.add("simulation.publishInterval: must be positive, was " + interval.get());
                interval = Optional.empty();
            }
            Optional<LocalDate> start = Optional.ofNullable(parse("simulation.startDate", s.get("startDate"), LocalDate::parse,
                    "a date such as 2026-05-12"));
            Map<String, Object> profiles = map("simulation.profiles", s.get("profiles"));
            if (profiles != null) {
                for (Map.Entry<String, Object> e : profiles.entrySet()) {
                    String path = "simulation.profiles." + e.getKey();
                    SiteKind kind;
                    try {
                        kind = SiteKind.valueOf(e.getKey().toUpperCase(Locale.ROOT).replace('-', '_'));
                    } catch (IllegalArgumentException ex) {
                        problems.add(path + ": not a site kind, known: " + List.of(SiteKind.values()));
                        continue;
                    }
                    kindProfiles.put(kind, behaviour(path, e.getValue(), SiteBehaviour.defaultFor(kind)));
                }
            }
            return new Scenario.Settings(seed, interval, start);
        }

        /** Site id → its simulation entry, for every site that has one. */
        Map<String, SiteOverride> siteOverrides(Map<String, Object> root) {
            Map<String, SiteOverride> overrides = new LinkedHashMap<>();
            if (root == null) {
                return overrides;
            }
            List<?> substations = list(root.get("substations"));
            for (int i = 0; i < substations.size(); i++) {
                List<?> banks = list(field(substations.get(i), "banks"));
                for (int j = 0; j < banks.size(); j++) {
                    List<?> feeders = list(field(banks.get(j), "feeders"));
                    for (int k = 0; k < feeders.size(); k++) {
                        List<?> sites = list(field(feeders.get(k), "sites"));
                        for (int l = 0; l < sites.size(); l++) {
                            Object simulation = field(sites.get(l), "simulation");
                            if (simulation != null) {
                                String path = "substations[" + i + "].banks[" + j + "].feeders[" + k + "].sites[" + l + "].simulation";
                                overrides.put(String.valueOf(field(sites.get(l), "id")), new SiteOverride(path, simulation));
                                // Checked now against neutral defaults so problems come out even when the region has others.
                                behaviour(path, simulation, SiteBehaviour.defaultFor(SiteKind.HOUSEHOLD));
                            }
                        }
                    }
                }
            }
            return overrides;
        }

        /** {@code base} with the fields {@code section} gives; on a problem, notes it and keeps the base value. */
        SiteBehaviour behaviour(String path, Object section, SiteBehaviour base) {
            Map<String, Object> b = map(path, section);
            if (b == null) {
                return base;
            }
            unknownFields(path, b, BEHAVIOUR_FIELDS);
            LoadProfile profile = base.loadProfile();
            if (b.get("loadProfile") != null) {
                try {
                    profile = LoadProfile.of(String.valueOf(b.get("loadProfile")));
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".loadProfile: " + e.getMessage());
                }
            }
            Energy annual = kwh(path + ".annualKwh", b.get("annualKwh"), 100_000_000, base.annualConsumption());
            double noise = number(path + ".loadNoise", b.get("loadNoise"), 0, 1, base.loadNoise());
            Energy evBattery = kwh(path + ".evBatteryKwh", b.get("evBatteryKwh"), 200, base.evBattery());
            double trips = number(path + ".evTripsPerDay", b.get("evTripsPerDay"), 0, 24, base.evTripsPerDay());
            Energy perTrip = kwh(path + ".evKwhPerTrip", b.get("evKwhPerTrip"), 200, base.evEnergyPerTrip());
            return new SiteBehaviour(profile, annual, noise, evBattery, trips, perTrip);
        }

        private Energy kwh(String path, Object value, double max, Energy otherwise) {
            double kwh = number(path, value, Double.MIN_VALUE, max, Double.NaN);
            return Double.isNaN(kwh) ? otherwise : Energy.ofKilowattHours(kwh);
        }

        private double number(String path, Object value, double min, double max, double otherwise) {
            if (value == null) {
                return otherwise;
            }
            if (!(value instanceof Number n)) {
                problems.add(path + ": must be a number, was '" + value + "'");
                return otherwise;
            }
            double v = n.doubleValue();
            if (v < min || v > max) {
                String lower = min == Double.MIN_VALUE ? "positive" : "at least " + fmt(min);
                problems.add(path + ": must be " + lower + " and at most " + fmt(max) + ", was " + fmt(v));
                return otherwise;
            }
            return v;
        }

        private <T> T parse(String path, Object value, Function<String, T> parser, String expected) {
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(String.valueOf(value));
            } catch (DateTimeParseException e) {
                problems.add(path + ": must be " + expected + ", was '" + value + "'");
                return null;
            }
        }

        private void unknownFields(String path, Map<String, Object> section, List<String> known) {
            for (String key : section.keySet()) {
                if (!known.contains(key)) {
                    problems.add(path + "." + key + ": unknown field, known: " + String.join(", ", known));
                }
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String path, Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            problems.add(path + ": must be a mapping of fields, was '" + value + "'");
            return null;
        }

        private static List<?> list(Object value) {
            return value instanceof List<?> l ? l : List.of();
        }

        private static Object field(Object entry, String name) {
            return entry instanceof Map<?, ?> m ? m.get(name) : null;
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
