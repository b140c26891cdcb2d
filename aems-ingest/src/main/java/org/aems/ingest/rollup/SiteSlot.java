package org.aems.ingest.rollup;

import java.util.Comparator;
import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;

/** A site's slot: the key of one {@code site_interval} row. Ordered by slot, then site. */
public record SiteSlot(SiteId site, Slot slot) implements Comparable<SiteSlot> {

    private static final Comparator<SiteSlot> ORDER = Comparator.comparing(SiteSlot::slot).thenComparing(SiteSlot::site);

    public SiteSlot {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(slot, "slot");
    }

    @Override
    public int compareTo(SiteSlot other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return site + "@" + slot;
    }
}
