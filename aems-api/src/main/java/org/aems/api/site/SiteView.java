package org.aems.api.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.aems.core.grid.Asset;
import org.aems.core.grid.Battery;
import org.aems.core.grid.BuybackStatus;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Site;
import org.aems.core.grid.SmartMeter;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.ingest.registry.RegisteredSite;

/**
 * A registered site as the API shows it. Powers in kW, energies in kWh; dates are JST calendar days,
 * {@code validUntil} exclusive.
 *
 * @param buybackStatus the status in force on {@code asOf}, or null when none is
 * @param assets        only in the single-site view
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteView(String id, String name, String kind, String regionId, String substationId, String bankId,
                       String feederId, String supplyPointNumber, LocalDate validFrom, LocalDate validUntil,
                       LocalDate asOf, BuybackStatus buybackStatus, BigDecimal pvPeakKw, BigDecimal batteryCapacityKwh,
                       List<AssetView> assets) {

    static SiteView of(RegisteredSite registered, LocalDate asOf, boolean withAssets) {
        Site site = registered.site();
        BigDecimal pv = kilowatts(site.assetsOf(PvArray.class).stream().map(PvArray::peakPower).reduce(Power.ZERO, Power::plus));
        BigDecimal battery = site.assetsOf(Battery.class).stream().map(Battery::capacity).reduce(Energy.ZERO, Energy::plus)
                .toKilowattHours().stripTrailingZeros();
        return new SiteView(site.id().value(), site.name(), site.kind().name(), registered.region().value(),
                registered.substation().value(), registered.bank().value(), registered.feeder().value(),
                site.supplyPoint().value(), site.validity().from(), site.validity().until(), asOf,
                site.buyback().at(asOf).orElse(null), pv, battery,
                withAssets ? site.assets().stream().map(AssetView::of).toList() : null);
    }

    static BigDecimal kilowatts(Power power) {
        return BigDecimal.valueOf(power.watts()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }

    /** One asset; only the fields of its type are present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssetView(String id, String type, boolean curtailable, LocalDate validFrom, LocalDate validUntil,
                            BigDecimal peakKw, BigDecimal inverterLimitKw, Double tiltDegrees, Double azimuthDegrees,
                            BigDecimal capacityKwh, BigDecimal maxChargeKw, BigDecimal maxDischargeKw,
                            Double chargeEfficiency, Double dischargeEfficiency, Boolean v2x,
                            String metrologyClass, BigDecimal registerRolloverKwh) {

        static AssetView of(Asset asset) {
            String id = asset.id().value();
            LocalDate from = asset.validity().from();
            LocalDate until = asset.validity().until();
            if (asset instanceof PvArray pv) {
                return new AssetView(id, "pv", pv.curtailable(), from, until, kilowatts(pv.peakPower()),
                        kilowatts(pv.inverterLimit()), pv.tiltDegrees(), pv.azimuthDegrees(), null, null, null, null, null,
                        null, null, null);
            }
            if (asset instanceof Battery b) {
                return new AssetView(id, "battery", b.curtailable(), from, until, null, null, null, null,
                        b.capacity().toKilowattHours().stripTrailingZeros(), kilowatts(b.maxCharge()), kilowatts(b.maxDischarge()),
                        b.chargeEfficiency().fraction(), b.dischargeEfficiency().fraction(), null, null, null);
            }
            if (asset instanceof EvCharger ev) {
                return new AssetView(id, "ev-charger", ev.curtailable(), from, until, null, null, null, null, null,
                        kilowatts(ev.maxCharge()), kilowatts(ev.maxDischarge()), null, null, ev.v2x(), null, null);
            }
            SmartMeter m = (SmartMeter) asset;
            return new AssetView(id, "meter", false, from, until, null, null, null, null, null, null, null, null, null, null,
                    m.metrologyClass().name(), m.registerRollover().toKilowattHours().stripTrailingZeros());
        }
    }
}
