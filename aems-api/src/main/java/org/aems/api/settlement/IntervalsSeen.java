package org.aems.api.settlement;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which intervals a read sees: {@code site_interval} as it is now (a run, inside its own snapshot), or as a stored run's
 * snapshot saw them ({@code site_interval_seen}, V34), so a recompute of its lines meets the values it settled even
 * after late data changed them. Runs from before V34 have no snapshot and read the table as it is.
 */
record IntervalsSeen(Optional<String> snapshot) {

    /** pg_snapshot's text form, xmin:xmax:xip,…: digits only, so it can be written into the statement. */
    private static final Pattern SNAPSHOT = Pattern.compile("[0-9]{1,20}:[0-9]{1,20}:[0-9,]*");

    static final IntervalsSeen NOW = new IntervalsSeen(Optional.empty());

    IntervalsSeen {
        snapshot.ifPresent(s -> {
            if (!SNAPSHOT.matcher(s).matches()) {
                throw new IllegalStateException("not a pg_snapshot: " + s);
            }
        });
    }

    static IntervalsSeen asOf(Optional<String> snapshot) {
        return new IntervalsSeen(snapshot);
    }

    /** A FROM item with the columns of site_interval that settlement reads, named {@code site_interval}. */
    String table() {
        return snapshot.map(s -> "site_interval_seen('" + s + "'::pg_snapshot) site_interval").orElse("site_interval");
    }
}
