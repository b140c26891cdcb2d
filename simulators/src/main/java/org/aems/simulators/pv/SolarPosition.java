package org.aems.simulators.pv;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Sun position from NOAA's general solar position equations (accurate to about 0.5° here, plenty for
 * simulated PV) and the Haurwitz clear-sky model. Angles in degrees; longitude east positive; azimuth is
 * a compass bearing (0 = north, 180 = south).
 */
public final class SolarPosition {

    /** Odawara city hall. */
    public static final double ODAWARA_LATITUDE = 35.26;
    public static final double ODAWARA_LONGITUDE = 139.15;
    /** Solar constant, W/m². */
    private static final double SOLAR_CONSTANT = 1367;

    private SolarPosition() {
    }

    /**
     * Where the sun is at {@code instant} and the irradiance a clear sky lets through.
     *
     * @param elevation     degrees above the horizon, negative at night
     * @param azimuth       compass bearing, degrees
     * @param extraterrestrialHorizontal irradiance on a horizontal plane above the atmosphere, W/m² (0 at night)
     * @param clearSkyGhi   clear-sky global horizontal irradiance (Haurwitz), W/m² (0 at night)
     */
    public record Sun(double elevation, double azimuth, double extraterrestrialHorizontal, double clearSkyGhi) {
        public boolean up() {
            return elevation > 0;
        }
    }

    public static Sun at(Instant instant, double latitude, double longitude) {
        long epochSecond = instant.getEpochSecond();
        long secondOfDay = Math.floorMod(epochSecond, 86_400L);
        double hours = secondOfDay / 3600.0;
        LocalDate utcDate = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
        double gamma = 2 * Math.PI / utcDate.lengthOfYear() * (utcDate.getDayOfYear() - 1 + (hours - 12) / 24);
        double eqTimeMinutes = 229.18 * (0.000075 + 0.001868 * Math.cos(gamma) - 0.032077 * Math.sin(gamma)
                - 0.014615 * Math.cos(2 * gamma) - 0.040849 * Math.sin(2 * gamma));
        double declination = 0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma)
                - 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma)
                - 0.002697 * Math.cos(3 * gamma) + 0.00148 * Math.sin(3 * gamma);
        double trueSolarMinutes = hours * 60 + eqTimeMinutes + 4 * longitude;
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
        double lat = Math.toRadians(latitude);
        double cosZenith = Math.max(-1, Math.min(1, Math.sin(lat) * Math.sin(declination)
                + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle)));
        double zenith = Math.acos(cosZenith);
        double elevation = 90 - Math.toDegrees(zenith);
        // Azimuth from north, clockwise: NOAA's formula, with the afternoon half mirrored.
        double sinZenith = Math.max(1e-9, Math.sin(zenith));
        double cosAzimuth = (Math.sin(declination) - Math.sin(lat) * cosZenith) / (Math.cos(lat) * sinZenith);
        double azimuth = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosAzimuth))));
        if (hourAngle > 0) {
            azimuth = 360 - azimuth;
        }
        double eccentricity = 1 + 0.033 * Math.cos(2 * Math.PI * utcDate.getDayOfYear() / 365.25);
        double e0h = cosZenith > 0 ? SOLAR_CONSTANT * eccentricity * cosZenith : 0;
        return new Sun(elevation, azimuth, e0h, clearSkyIrradiance(elevation));
    }

    /** Elevation of the sun above the horizon at {@code instant}, in degrees (negative at night). */
    public static double elevationDegrees(Instant instant, double latitude, double longitude) {
        return at(instant, latitude, longitude).elevation();
    }

    /** Clear-sky global horizontal irradiance (Haurwitz model), W/m². */
    public static double clearSkyIrradiance(double elevationDegrees) {
        if (elevationDegrees <= 0) {
            return 0;
        }
        double cosZenith = Math.sin(Math.toRadians(elevationDegrees));
        return 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }
}
