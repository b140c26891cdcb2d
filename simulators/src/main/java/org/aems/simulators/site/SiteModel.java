package org.aems.simulators.site;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aems.core.grid.Battery;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteKind;
import org.aems.core.grid.SmartMeter;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.time.Jst;
import org.aems.simulators.pv.SolarPosition;

/**
 * One simulated site: clear-sky PV, a typical load profile with noise, a battery in self-consumption
 * mode and a smart meter integrating import and export. Energy balance holds at every step:
 * meter = load − PV + battery (+ = charging), all in W. Deterministic for a given seed.
 *
 * <p>This is the walking-skeleton physics; clouds, EVs, seasons and faults come with the full simulator.
 */
public final class SiteModel {

    /** Inverter and wiring losses between DC nameplate and AC output. */
    private static final double PERFORMANCE_RATIO = 0.85;

    private final Site site;
    private final Random random;
    private final PvArray pv;
    private final Battery battery;
    private final DeviceId meterId;
    private double storedWh;
    private double importWh;
    private double exportWh;

    public SiteModel(Site site, long seed) {
        this.site = site;
        this.random = new Random(seed ^ site.id().value().hashCode());
        this.pv = site.assetsOf(PvArray.class).stream().findFirst().orElse(null);
        this.battery = site.assetsOf(Battery.class).stream().findFirst().orElse(null);
        this.meterId = site.assetsOf(SmartMeter.class).stream().findFirst().map(SmartMeter::id)
                .orElse(DeviceId.of("meter"));
        this.storedWh = battery == null ? 0 : battery.capacity().wattHours() * 0.5;
        // Registers start at a plausible, site-specific value rather than zero.
        this.importWh = 1_000_000 + random.nextInt(5_000_000);
        this.exportWh = pv == null ? 0 : 200_000 + random.nextInt(2_000_000);
    }

    public Site site() {
        return site;
    }

    /** Advances the site by {@code step} ending at {@code now} and returns the readings at {@code now}. */
    public List<Reading> step(Instant now, Duration step) {
        double hours = step.toMillis() / 3_600_000.0;
        double pvW = pvPower(now);
        double loadW = loadPower(now);
        double batteryW = batteryPower(pvW - loadW, hours);
        double meterW = loadW - pvW + batteryW;
        if (meterW >= 0) {
            importWh += meterW * hours;
        } else {
            exportWh += -meterW * hours;
        }
        List<Reading> readings = new ArrayList<>(7);
        readings.add(reading(meterId, Quantity.METER_POWER, now, Math.round(meterW)));
        readings.add(reading(meterId, Quantity.METER_IMPORT_ENERGY, now, Math.floor(importWh)));
        readings.add(reading(meterId, Quantity.METER_EXPORT_ENERGY, now, Math.floor(exportWh)));
        readings.add(reading(DeviceId.of("load"), Quantity.LOAD_POWER, now, Math.round(loadW)));
        if (pv != null) {
            readings.add(reading(pv.id(), Quantity.PV_POWER, now, Math.round(pvW)));
        }
        if (battery != null) {
            readings.add(reading(battery.id(), Quantity.BATTERY_POWER, now, Math.round(batteryW)));
            readings.add(reading(battery.id(), Quantity.BATTERY_SOC, now,
                    Math.round(1000.0 * storedWh / battery.capacity().wattHours()) / 10.0));
        }
        return readings;
    }

    private Reading reading(DeviceId device, Quantity quantity, Instant ts, double value) {
        return new Reading(site.id(), device, quantity, ts, value);
    }

    private double pvPower(Instant now) {
        if (pv == null) {
            return 0;
        }
        double elevation = SolarPosition.elevationDegrees(now, SolarPosition.ODAWARA_LATITUDE, SolarPosition.ODAWARA_LONGITUDE);
        double dc = pv.peakPower().watts() * SolarPosition.clearSkyIrradiance(elevation) / 1000.0 * PERFORMANCE_RATIO;
        return Math.min(dc, pv.inverterLimit().watts());
    }

    private double loadPower(Instant now) {
        ZonedDateTime local = now.atZone(Jst.ZONE);
        double hour = local.getHour() + local.getMinute() / 60.0;
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        double profile;
        if (site.kind() == SiteKind.HOUSEHOLD) {
            profile = 250 + 450 * bump(hour, 7.5, 1.2) + 900 * bump(hour, 19.5, 2.0) + (weekend ? 300 * bump(hour, 13, 3) : 0);
        } else {
            // Facilities, shops and offices: daytime load, lower at weekends.
            double scale = weekend ? 0.5 : 1.0;
            profile = 2_000 + 8_000 * scale * bump(hour, 13, 4.0);
        }
        return Math.max(50, profile * (1 + 0.1 * random.nextGaussian()));
    }

    private static double bump(double hour, double centre, double width) {
        double d = (hour - centre) / width;
        return Math.exp(-d * d);
    }

    /** Self-consumption: charge from surplus, discharge into deficit, within power and energy limits. */
    private double batteryPower(double surplusW, double hours) {
        if (battery == null || hours <= 0) {
            return 0;
        }
        double capacity = battery.capacity().wattHours();
        double etaIn = battery.chargeEfficiency().fraction();
        double etaOut = battery.dischargeEfficiency().fraction();
        if (surplusW > 0) {
            double roomW = (capacity - storedWh) / etaIn / hours;
            double power = Math.min(surplusW, Math.min(battery.maxCharge().watts(), roomW));
            storedWh += power * etaIn * hours;
            return power;
        }
        double availableW = storedWh * etaOut / hours;
        double power = Math.min(-surplusW, Math.min(battery.maxDischarge().watts(), availableW));
        storedWh -= power / etaOut * hours;
        return -power;
    }
}
