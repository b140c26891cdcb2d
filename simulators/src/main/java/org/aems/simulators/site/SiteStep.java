package org.aems.simulators.site;

import java.time.Instant;
import java.util.List;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Reading;

/**
 * What really happened at a site over one step (ground truth) and the readings its gateway reports.
 * Powers in W, averaged over the step: PV ≥ 0, load ≥ 0, battery and EV + = charging, meter + = import;
 * {@code meterW = loadW − pvW + batteryW + evW} holds exactly.
 *
 * @param batterySoc  % or NaN without a battery
 * @param evSoc       mean % of the plugged-in vehicles, NaN when none is plugged
 * @param commanded   how many of the site's devices followed a platform setpoint in this step
 * @param fallbacks   how many devices fell back to their default mode in this step
 * @param meterReplaced the meter was swapped during the step (registers restarted at 0)
 */
public record SiteStep(SiteId site, Instant at, double pvW, double loadW, double batteryW, double batterySoc, double evW,
                       int evPlugged, double evSoc, double meterW, long importWh, long exportWh, int commanded,
                       int fallbacks, boolean meterReplaced, List<Reading> readings) {
}
