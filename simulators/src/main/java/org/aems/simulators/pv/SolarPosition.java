package org.aems.simulators.pv;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.Grena3;

/**
 * Sun position (Grena's algorithm 3 from the solarpositioning library, ~0.01°) and the Haurwitz
 * clear-sky model. Angles in degrees; longitude east positive; azimuth is
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
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        net.e175.klaus.solarpositioning.SolarPosition position = Grena3.calculateSolarPosition(utc, latitude, longitude,
                DeltaT.estimate(utc.toLocalDate()));
        double elevation = 90 - position.zenithAngle();
        double cosZenith = Math.cos(Math.toRadians(position.zenithAngle()));
        int dayOfYear = utc.getDayOfYear();
        double eccentricity = 1 + 0.033 * Math.cos(2 * Math.PI * dayOfYear / 365.25);
        double e0h = cosZenith > 0 ? SOLAR_CONSTANT * eccentricity * cosZenith : 0;
        return new Sun(elevation, position.azimuth(), e0h, clearSkyIrradiance(elevation));
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
