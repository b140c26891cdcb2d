package org.aems.simulators.pv;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Sun elevation from NOAA's general solar position equations (accurate to about 0.5° here, plenty for
 * simulated PV). Angles in degrees; longitude east positive.
 */
public final class SolarPosition {

    /** Odawara city hall. */
    public static final double ODAWARA_LATITUDE = 35.26;
    public static final double ODAWARA_LONGITUDE = 139.15;

    private SolarPosition() {
    }

    /** Elevation of the sun above the horizon at {@code instant}, in degrees (negative at night). */
    public static double elevationDegrees(Instant instant, double latitude, double longitude) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        double hours = utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0;
        double gamma = 2 * Math.PI / (utc.toLocalDate().lengthOfYear()) * (utc.getDayOfYear() - 1 + (hours - 12) / 24);
        double eqTimeMinutes = 229.18 * (0.000075 + 0.001868 * Math.cos(gamma) - 0.032077 * Math.sin(gamma)
                - 0.014615 * Math.cos(2 * gamma) - 0.040849 * Math.sin(2 * gamma));
        double declination = 0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma)
                - 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma)
                - 0.002697 * Math.cos(3 * gamma) + 0.00148 * Math.sin(3 * gamma);
        double trueSolarMinutes = hours * 60 + eqTimeMinutes + 4 * longitude;
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
        double lat = Math.toRadians(latitude);
        double cosZenith = Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
        return 90 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
    }

    /**
     * Clear-sky global horizontal irradiance (Haurwitz model), W/m².
     */
    public static double clearSkyIrradiance(double elevationDegrees) {
        if (elevationDegrees <= 0) {
            return 0;
        }
        double cosZenith = Math.sin(Math.toRadians(elevationDegrees));
        return 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }
}
