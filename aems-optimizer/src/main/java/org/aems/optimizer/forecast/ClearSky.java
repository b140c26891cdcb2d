package org.aems.optimizer.forecast;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.Grena3;
import org.aems.core.time.Slot;

/** Clear-sky global horizontal irradiance per slot at a place: the sun's position and the Haurwitz model. */
public record ClearSky(double latitude, double longitude) {

    /** Odawara city hall. */
    public static final ClearSky ODAWARA = new ClearSky(35.26, 139.15);

    /** Mean clear-sky irradiance over the slot, W/m² (six samples, at 2.5, 7.5, ... 27.5 minutes). */
    public double meanIrradiance(Slot slot) {
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += irradiance(slot.start().plusSeconds(150 + 300L * i));
        }
        return sum / 6;
    }

    public double irradiance(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        double zenith = Grena3.calculateSolarPosition(utc, latitude, longitude, DeltaT.estimate(utc.toLocalDate())).zenithAngle();
        double cosZenith = Math.cos(Math.toRadians(zenith));
        return cosZenith <= 0 ? 0 : 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }
}
