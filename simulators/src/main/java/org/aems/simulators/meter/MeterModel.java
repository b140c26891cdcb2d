package org.aems.simulators.meter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.SmartMeter;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.simulators.random.Noise;

/**
 * A low-voltage smart meter (ECHONET Lite 0x0288): two non-negative cumulative registers, import (0xE0)
 * and export (0xE3), that wrap to 0 at the meter's rollover value, and their values fixed at every
 * 30-minute boundary (0xEA/0xEB). A meter is now and then replaced by a new one whose registers start at
 * 0. A few meters start close to their rollover so that wraps happen in ordinary runs.
 */
public final class MeterModel {

    private static final long HALF_HOUR_SECONDS = 1800;

    private final SmartMeter spec;
    private final SiteId site;
    private final long seed;
    private final long key;
    private final double replacementsPerYear;
    private final double rolloverWh;
    private double importWh;
    private double exportWh;
    private int rollovers;
    private int replacements;

    /**
     * @param nearRolloverShare share of meters that start within a few days' use of their rollover
     * @param replacementsPerYear chance per meter and year of being swapped for a new one
     */
    public MeterModel(SmartMeter spec, SiteId site, long seed, long key, double nearRolloverShare, double replacementsPerYear) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.site = Objects.requireNonNull(site, "site");
        this.seed = seed;
        this.key = key;
        this.replacementsPerYear = replacementsPerYear;
        this.rolloverWh = spec.registerRollover().wattHours();
        if (Noise.uniform(seed, key, 1) < nearRolloverShare) {
            this.importWh = rolloverWh - 1_000 - 30_000 * Noise.uniform(seed, key, 2);
        } else {
            this.importWh = Math.min(rolloverWh * 0.9, 1_000_000 + 30_000_000 * Noise.uniform(seed, key, 3));
        }
        this.exportWh = Math.min(rolloverWh * 0.9, 200_000 * Noise.uniform(seed, key, 4) * 10);
    }

    public DeviceId id() {
        return spec.id();
    }

    /**
     * Integrates {@code meterW} (+ = import) over (from, to], adding the registers fixed at each 30-minute
     * boundary crossed to {@code fixed}.
     *
     * @return true when the meter was replaced during the step (its registers restarted at 0)
     */
    public boolean advance(Instant from, Instant to, double meterW, List<Reading> fixed) {
        boolean replaced = false;
        if (replacementsPerYear > 0) {
            double hours = (to.toEpochMilli() - from.toEpochMilli()) / 3_600_000.0;
            if (Noise.uniform(seed, key ^ 0xFEEDL, to.getEpochSecond()) < replacementsPerYear * hours / 8760) {
                importWh = 0;
                exportWh = 0;
                replacements++;
                replaced = true;
            }
        }
        long fromS = from.getEpochSecond();
        long toS = to.getEpochSecond();
        long boundary = Math.floorDiv(fromS, HALF_HOUR_SECONDS) * HALF_HOUR_SECONDS + HALF_HOUR_SECONDS;
        long at = fromS;
        for (; boundary <= toS; boundary += HALF_HOUR_SECONDS) {
            add(meterW, (boundary - at) / 3600.0);
            at = boundary;
            Instant ts = Instant.ofEpochSecond(boundary);
            fixed.add(new Reading(site, spec.id(), Quantity.METER_IMPORT_ENERGY_FIXED, ts, importRegisterWh()));
            fixed.add(new Reading(site, spec.id(), Quantity.METER_EXPORT_ENERGY_FIXED, ts, exportRegisterWh()));
        }
        add(meterW, (toS - at) / 3600.0);
        return replaced;
    }

    private void add(double meterW, double hours) {
        if (meterW >= 0) {
            importWh += meterW * hours;
            if (importWh >= rolloverWh) {
                importWh -= rolloverWh;
                rollovers++;
            }
        } else {
            exportWh += -meterW * hours;
            if (exportWh >= rolloverWh) {
                exportWh -= rolloverWh;
                rollovers++;
            }
        }
    }

    /** The registers a previous run left (RegisterMemory): a real meter does not start again at its seeded value. */
    public void resume(double importWh, double exportWh) {
        this.importWh = importWh;
        this.exportWh = exportWh;
    }

    /** The import register at full precision, Wh (what {@link RegisterMemory} keeps). */
    public double importWh() {
        return importWh;
    }

    public double exportWh() {
        return exportWh;
    }

    /** The import register as the meter shows it, whole Wh. */
    public long importRegisterWh() {
        return (long) Math.floor(importWh);
    }

    public long exportRegisterWh() {
        return (long) Math.floor(exportWh);
    }

    public int rollovers() {
        return rollovers;
    }

    public int replacements() {
        return replacements;
    }
}
