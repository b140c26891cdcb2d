package org.aems.core.grid;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The grid topology of a region as data: substations → banks → feeders → sites → assets. */
public record Region(RegionId id, String name, List<Substation> substations) {

    public Region {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        substations = List.copyOf(substations);
        unique("substation", substations, Substation::id);
        unique("bank", substations.stream().flatMap(s -> s.banks().stream()).toList(), Bank::id);
        unique("feeder", substations.stream().flatMap(s -> s.banks().stream()).flatMap(b -> b.feeders().stream()).toList(),
                Feeder::id);
        unique("site", substations.stream().flatMap(s -> s.banks().stream()).flatMap(b -> b.feeders().stream())
                .flatMap(f -> f.sites().stream()).toList(), Site::id);
    }

    private static <T> void unique(String kind, List<T> items, Function<T, Object> id) {
        Set<Object> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(id.apply(item))) {
                throw new IllegalArgumentException(kind + " id " + id.apply(item) + " appears twice in the region");
            }
        }
    }

    public List<Bank> banks() {
        return substations.stream().flatMap(s -> s.banks().stream()).toList();
    }

    public List<Feeder> feeders() {
        return banks().stream().flatMap(b -> b.feeders().stream()).toList();
    }

    public List<Site> sites() {
        return feeders().stream().flatMap(f -> f.sites().stream()).toList();
    }

    public Optional<Feeder> feeder(FeederId feeder) {
        return feeders().stream().filter(f -> f.id().equals(feeder)).findFirst();
    }

    public Optional<Site> site(SiteId site) {
        return sites().stream().filter(s -> s.id().equals(site)).findFirst();
    }

    public Optional<Feeder> feederOf(SiteId site) {
        return feeders().stream().filter(f -> f.sites().stream().anyMatch(s -> s.id().equals(site))).findFirst();
    }

    public Optional<Bank> bankOf(FeederId feeder) {
        return banks().stream().filter(b -> b.feeders().stream().anyMatch(f -> f.id().equals(feeder))).findFirst();
    }
}
