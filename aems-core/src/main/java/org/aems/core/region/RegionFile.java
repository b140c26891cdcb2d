package org.aems.core.region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The YAML shape of a region file (docs/region-file.md): the one description of feeders, sites and
 * assets that the registry imports and the simulator plays. Bound by Jackson, then checked and turned
 * into the domain by {@link RegionFileReader}. Powers in kW, energies in kWh, as planners write them.
 *
 * <p>The optional {@code simulation} sections (at the top and on each site) belong to the simulator's
 * scenario (docs/scenarios.md): the registry accepts them so one file serves both, and ignores their
 * content; the simulators module reads and validates them itself.
 */
record RegionFile(Header region, Object simulation, List<SubstationEntry> substations) {

    record Header(String id, String name) {
    }

    record SubstationEntry(String id, String name, List<BankEntry> banks) {
    }

    record BankEntry(String id, String name, List<LimitEntry> limits, List<FeederEntry> feeders) {
    }

    record FeederEntry(String id, String name, LocalDate from, LocalDate until, List<LimitEntry> limits,
                       List<SiteEntry> sites) {
    }

    /** Limits in force from {@code from} (inclusive) until {@code until} (exclusive, optional). */
    record LimitEntry(LocalDate from, LocalDate until, BigDecimal reverseFlowLimitKw, BigDecimal importLimitKw) {
    }

    record SiteEntry(String id, String name, String kind, String supplyPoint, LocalDate from, LocalDate until,
                     List<BuybackEntry> buyback, List<AssetEntry> assets, Object simulation) {
    }

    record BuybackEntry(LocalDate from, LocalDate until, String status) {
    }

    /**
     * One asset; {@code type} selects which fields apply: pv (kwp, inverterKw, tilt, azimuth),
     * battery (kwh, chargeKw, dischargeKw, chargeEfficiency, dischargeEfficiency),
     * ev-charger (chargeKw, dischargeKw, v2x), meter (metrologyClass, rolloverKwh).
     */
    record AssetEntry(String type, String id, LocalDate from, LocalDate until, Boolean curtailable,
                      BigDecimal kwp, BigDecimal inverterKw, Double tilt, Double azimuth,
                      BigDecimal kwh, BigDecimal chargeKw, BigDecimal dischargeKw,
                      Double chargeEfficiency, Double dischargeEfficiency, Boolean v2x,
                      String metrologyClass, BigDecimal rolloverKwh) {
    }
}
