package org.aems.api.opendata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which feeders open data may show on their own (DOMAIN.md, privacy): a group is published only if at least
 * {@code minimum} sites stand behind it. Feeders below that (Kuno has 3 facilities) are pooled into one "other"
 * group; because the region total is published too, the pool itself must reach the minimum — otherwise
 * region − published feeders would reveal it — so the smallest published feeders join it until it does. A region
 * below the minimum publishes nothing.
 */
final class GroupSizeRule {

    /** The feeders shown on their own, and those only in the pooled rest; {@code regionShown} false = nothing at all. */
    record Grouping(List<String> shown, List<String> pooled, boolean regionShown) {
    }

    private GroupSizeRule() {
    }

    /** @param sites sites behind each feeder's figures (those that reported in the slot) */
    static Grouping apply(Map<String, Integer> sites, int minimum) {
        int total = sites.values().stream().mapToInt(Integer::intValue).sum();
        if (total < minimum) {
            return new Grouping(List.of(), List.copyOf(sorted(sites, sites.keySet())), false);
        }
        List<String> shown = new ArrayList<>(sorted(sites, sites.keySet().stream().filter(f -> sites.get(f) >= minimum).toList()));
        List<String> pooled = new ArrayList<>(sites.keySet().stream().filter(f -> sites.get(f) < minimum).toList());
        int pool = pooled.stream().mapToInt(sites::get).sum();
        // An empty pool reveals nothing; a non-empty one must be a group of its own size.
        while (!pooled.isEmpty() && pool < minimum) {
            String smallest = shown.remove(shown.size() - 1);
            pooled.add(smallest);
            pool += sites.get(smallest);
        }
        return new Grouping(List.copyOf(shown.stream().sorted().toList()), List.copyOf(pooled.stream().sorted().toList()), true);
    }

    /** Largest first, then by name: the loop above takes the smallest from the end. */
    private static List<String> sorted(Map<String, Integer> sites, java.util.Collection<String> feeders) {
        return feeders.stream().sorted(Comparator.<String>comparingInt(sites::get).reversed().thenComparing(Comparator.naturalOrder())).toList();
    }
}
