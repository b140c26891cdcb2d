package org.aems.ingest.rollup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.Ratio;

/**
 * One site's 30-minute interval, as stored in {@code site_interval}. Energies are non-negative; an empty
 * value means "not measured", never zero.
 *
 * @param imported     energy drawn from the grid
 * @param exported     energy fed into the grid (reverse flow)
 * @param pv           gross PV generation
 * @param averagePower time-weighted mean of meter.power, + = import, − = export
 * @param peakImport   largest import power reading, a positive magnitude (0 when the site only exported)
 * @param peakExport   largest export power reading, a positive magnitude (0 when the site only imported)
 * @param completeness fraction of the slot the import/export data covered
 * @param quality      how far import/export can be trusted
 * @param source       where import/export came from (the weaker of the two)
 * @param notes        why a value is estimated or unusual, for operators; empty when nothing is
 */
public record SiteInterval(SiteSlot key, Optional<Energy> imported, Optional<Energy> exported, Optional<Energy> pv,
                           Optional<Energy> batteryCharge, Optional<Energy> batteryDischarge, Optional<Energy> evCharge,
                           Optional<Energy> evDischarge, Optional<Power> averagePower, Optional<Power> peakImport,
                           Optional<Power> peakExport, Ratio completeness, IntervalQuality quality, IntervalSource source,
                           List<String> notes) {

    public SiteInterval {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(completeness, "completeness");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(source, "source");
        notes = List.copyOf(notes);
        for (Optional<Energy> e : List.of(imported, exported, pv, batteryCharge, batteryDischarge, evCharge, evDischarge)) {
            if (e.isPresent() && e.get().isNegative()) {
                throw new IllegalArgumentException("interval energies must not be negative, was " + e.get() + " for " + key);
            }
        }
        if (quality == IntervalQuality.MISSING && (imported.isPresent() || exported.isPresent() || source != IntervalSource.NONE)) {
            throw new IllegalArgumentException("a MISSING interval has no import/export and source NONE: " + key);
        }
    }

    /** The notes as stored: joined with "; ", or null when there are none. */
    public String noteText() {
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
