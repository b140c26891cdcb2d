package org.aems.optimizer.forecast;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.Grena3;
import org.aems.core.time.Slot;

/**
 * Clear-sky global horizontal irradiance per slot at a place: the sun's position and the Haurwitz model. The region's
 * place is configuration ({@code aems.location.latitude}/{@code longitude}, default Odawara): solar noon in Naha is
 * ~55 minutes after Sapporo's, and the PV forecasts and the inverters' shares of a feeder's PV follow the sun.
 */
public record ClearSky(double latitude, double longitude) {

    /** Odawara city hall. */
    public static final ClearSky ODAWARA = new ClearSky(35.26, 139.15);

    public ClearSky {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("a place needs latitude in -90..90 and longitude in -180..180 degrees (north and east"
                    + " positive, e.g. Odawara 35.26, 139.15), were " + latitude + ", " + longitude);
        }
    }

    /**
     * The region's place from {@code aems.location.latitude} and {@code longitude}: both, or neither for Odawara.
     *
     * @throws IllegalArgumentException when only one is given, or out of range
     */
    public static ClearSky of(Double latitude, Double longitude) {
        if (latitude == null && longitude == null) {
            return ODAWARA;
        }
        if (latitude == null || longitude == null) {
            throw new IllegalArgumentException("set both aems.location.latitude and aems.location.longitude (decimal degrees,"
                    + " north and east positive), or neither for Odawara; only " + (latitude == null ? "longitude" : "latitude") + " was set");
        }
        return new ClearSky(latitude, longitude);
    }

    /** Mean clear-sky irradiance over the slot, W/m² (six samples, at 2.5, 7.5, ... 27.5 minutes). */
    public double meanIrradiance(Slot slot) {
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += irradiance(slot.start().plusSeconds(150 + 300L * i));
        }
        return sum / 6;
    }

    /**
     * Mean clear-sky irradiance over the slot on a plane of the given tilt and azimuth (compass, 180 = south), W/m²:
     * beam on the plane plus isotropic diffuse and ground reflection (albedo 0.2), a clear sky's diffuse share 15 %.
     * What shares a feeder's PV among its inverters: an east roof makes more than its peak's share in the morning.
     */
    public double meanIrradiance(Slot slot, double tiltDegrees, double azimuthDegrees) {
        double tilt = Math.toRadians(tiltDegrees);
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            ZonedDateTime utc = slot.start().plusSeconds(150 + 300L * i).atZone(ZoneOffset.UTC);
            var sun = Grena3.calculateSolarPosition(utc, latitude, longitude, DeltaT.estimate(utc.toLocalDate()));
            double zenith = Math.toRadians(sun.zenithAngle());
            double cosZenith = Math.cos(zenith);
            if (cosZenith <= 0.02) {
                continue;
            }
            double ghi = haurwitz(cosZenith);
            double dhi = CLEAR_DIFFUSE_SHARE * ghi;
            double cosIncidence = cosZenith * Math.cos(tilt)
                    + Math.sin(zenith) * Math.sin(tilt) * Math.cos(Math.toRadians(sun.azimuth() - azimuthDegrees));
            sum += (ghi - dhi) / cosZenith * Math.max(0, cosIncidence) + dhi * (1 + Math.cos(tilt)) / 2 + ghi * ALBEDO * (1 - Math.cos(tilt)) / 2;
        }
        return sum / 6;
    }

    private static final double CLEAR_DIFFUSE_SHARE = 0.15;
    private static final double ALBEDO = 0.2;

    public double irradiance(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        double zenith = Grena3.calculateSolarPosition(utc, latitude, longitude, DeltaT.estimate(utc.toLocalDate())).zenithAngle();
        double cosZenith = Math.cos(Math.toRadians(zenith));
        return cosZenith <= 0 ? 0 : haurwitz(cosZenith);
    }

    /** Haurwitz's clear-sky global horizontal irradiance, W/m², for the sun at this cosine of its zenith angle. */
    private static double haurwitz(double cosZenith) {
        return 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }
}
