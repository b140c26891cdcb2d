package org.aems.simulators.pv;

import java.util.Objects;
import org.aems.core.grid.PvArray;

/**
 * One PV array's AC output from the sun, the clear-sky index and the air temperature: global horizontal
 * irradiance split into beam and diffuse (Erbs), transposed onto the array's tilt and azimuth (isotropic
 * sky, ground albedo 0.2), derated for cell temperature, then the inverter's efficiency, its AC limit
 * (clipping) and any curtailment limit.
 */
public final class PvModel {

    /** DC losses other than temperature: wiring, mismatch, soiling. */
    private static final double DC_DERATE = 0.90;
    private static final double INVERTER_EFFICIENCY = 0.965;
    /** Crystalline silicon: −0.4 %/K above 25 °C. */
    private static final double TEMPERATURE_COEFFICIENT = -0.004;
    /** Cell temperature rise over air per W/m² of plane-of-array irradiance (open rack ~0.025, roof ~0.035). */
    private static final double CELL_RISE_PER_W = 0.032;
    private static final double ALBEDO = 0.2;

    private final PvArray array;
    private final double siteFactor;
    private final double sinTilt;
    private final double cosTilt;

    /** @param siteFactor this roof's own deviation from the model (shading, soiling), around 1 */
    public PvModel(PvArray array, double siteFactor) {
        this.array = Objects.requireNonNull(array, "array");
        this.siteFactor = siteFactor;
        this.sinTilt = Math.sin(Math.toRadians(array.tiltDegrees()));
        this.cosTilt = Math.cos(Math.toRadians(array.tiltDegrees()));
    }

    public PvArray array() {
        return array;
    }

    /**
     * AC output in W, ≥ 0.
     *
     * @param clearSkyIndex measured ÷ clear-sky global irradiance
     * @param limitW        curtailment limit on AC output, W ({@link Double#POSITIVE_INFINITY} for none)
     */
    public double acPower(SolarPosition.Sun sun, double clearSkyIndex, double airTempC, double limitW) {
        if (!sun.up()) {
            return 0;
        }
        double poa = planeOfArray(sun, sun.clearSkyGhi() * clearSkyIndex);
        double cellTemp = airTempC + CELL_RISE_PER_W * poa;
        double dc = array.peakPower().watts() * poa / 1000.0 * DC_DERATE * siteFactor
                * (1 + TEMPERATURE_COEFFICIENT * (cellTemp - 25));
        double ac = Math.max(0, dc * INVERTER_EFFICIENCY);
        return Math.min(ac, Math.min(array.inverterLimit().watts(), limitW));
    }

    /** Irradiance on the array's plane, W/m². */
    double planeOfArray(SolarPosition.Sun sun, double ghi) {
        double sinElevation = Math.sin(Math.toRadians(sun.elevation()));
        double kt = sun.extraterrestrialHorizontal() > 0 ? Math.min(1, ghi / sun.extraterrestrialHorizontal()) : 0;
        double dhi = ghi * erbsDiffuseFraction(kt);
        double dni = sinElevation > 0.02 ? (ghi - dhi) / sinElevation : 0;
        double zenith = Math.toRadians(90 - sun.elevation());
        double cosIncidence = Math.cos(zenith) * cosTilt
                + Math.sin(zenith) * sinTilt * Math.cos(Math.toRadians(sun.azimuth() - array.azimuthDegrees()));
        return dni * Math.max(0, cosIncidence) + dhi * (1 + cosTilt) / 2 + ghi * ALBEDO * (1 - cosTilt) / 2;
    }

    static double erbsDiffuseFraction(double kt) {
        if (kt <= 0.22) {
            return 1 - 0.09 * kt;
        }
        if (kt <= 0.80) {
            return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * kt * kt * kt + 12.336 * kt * kt * kt * kt;
        }
        return 0.165;
    }
}
