package org.aems.api.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.aems.api.kpi.MonthSettlementQuery.MonthSettlement;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.series.SeriesId;
import org.aems.core.series.VersionedSeries;
import org.aems.core.time.Jst;
import org.aems.core.unit.Energy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region's KPIs per slot, day or month (DOMAIN.md "KPIs the operators ask for"): aggregates only, from the
 * 30-minute rollups.
 */
@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "kpis", description = "Regional KPIs: 地産地消率, 自給率, surplus bought, CO2 avoided")
class KpiController {

    /** One bucket. Energies are kWh as decimal strings, ratios 0–1 with 6 decimals; null = no data for it. */
    record Row(String from, String until, int slots, int incompleteSlots, String pvKwh, String demandKwh, String localUseKwh,
               String localConsumptionRatio, String selfSufficiencyRatio, String importKwh, String exportKwh,
               String surplusBoughtKwh, int surplusUnknownSlots, String co2AvoidedKg, List<Integer> co2FactorVersions,
               int co2MissingSlots, MonthSettlement settlement) {
    }

    record Page(String from, String until, String granularity, String co2Series, List<Row> rows) {
    }

    private final RegionSlotQuery slots;
    private final MonthSettlementQuery settlements;
    private final SeriesStore series;
    private final KpiSettings settings;

    KpiController(RegionSlotQuery slots, MonthSettlementQuery settlements, SeriesStore series, KpiSettings settings) {
        this.slots = slots;
        this.settlements = settlements;
        this.series = series;
        this.settings = settings;
    }

    @GetMapping("/region")
    @Operation(summary = "Regional KPIs over JST days [from, until) per slot, day or month",
            description = "Local use per slot = min(local PV, demand), demand = the meters' net import + PV; 地産地消率 ="
                    + " local use ÷ PV, 自給率 = local use ÷ demand, summed per slot, never netted. CO2 avoided = local use ×"
                    + " the slot's grid factor (series aems.kpi.co2-series). Surplus bought = export of 卒FIT sites that sell"
                    + " to us; per month also the yen of the newest settlement run. Windows: slot ≤ 31 days, day ≤ 366.")
    Page region(@RequestParam LocalDate from, @RequestParam LocalDate until,
                @Parameter(description = "slot, day or month") @RequestParam(defaultValue = "day") String granularity) {
        Granularity g = granularity(granularity);
        Instant start = from.atStartOfDay(Jst.ZONE).toInstant();
        Instant end = until.atStartOfDay(Jst.ZONE).toInstant();
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(g.maxWindow()) > 0) {
            throw new IllegalArgumentException("'until' must be after 'from' and at most " + g.maxWindow().toDays() + " days later for"
                    + " granularity " + granularity + ", were " + from + " and " + until);
        }
        VersionedSeries<BigDecimal> factors = series.load(new SeriesId(settings.co2Series()), start, end);
        List<Row> rows = RegionKpis.of(slots.between(start, end), g, factors).stream().map(b -> row(b, g)).toList();
        return new Page(from.toString(), until.toString(), g.name().toLowerCase(Locale.ROOT), settings.co2Series(), rows);
    }

    private Row row(RegionKpis.Bucket b, Granularity g) {
        MonthSettlement settlement = g == Granularity.MONTH
                ? settlements.newest(YearMonth.from(b.first().date())).orElse(null) : null;
        return new Row(jst(b.first().start()), jst(b.last().end()), b.slots(), b.incompleteSlots(), kwh(b.pv()), kwh(b.demand()),
                kwh(b.local().localUse()), RegionKpis.ratio(b.local().localConsumptionRatio()),
                RegionKpis.ratio(b.local().selfSufficiencyRatio()), kwh(b.imported()), kwh(b.exported()),
                b.surplusBought().map(KpiController::kwh).orElse(null), b.surplusUnknownSlots(),
                b.co2AvoidedKg().map(kg -> kg.setScale(3, RoundingMode.HALF_UP).toPlainString()).orElse(null),
                List.copyOf(b.co2FactorVersions()), b.co2MissingSlots(), settlement);
    }

    private static Granularity granularity(String text) {
        try {
            return Granularity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'granularity' must be slot, day or month, was '" + text + "'");
        }
    }

    private static String kwh(Energy energy) {
        return energy.toKilowattHours().toPlainString();
    }

    private static String jst(Instant at) {
        return Jst.toJst(at).toOffsetDateTime().toString();
    }
}
