package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.api.settlement.SettlementViews.SiteLines;
import org.aems.api.settlement.SettlementViews.Statement;
import org.aems.api.settlement.SettlementViews.StatementLines;
import org.aems.core.grid.SiteId;
import org.aems.core.series.SeriesId;
import org.aems.core.settlement.BuybackContract;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.ContractSegment;
import org.aems.core.settlement.DayTypeCalendar;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.LineDigest;
import org.aems.core.settlement.MarketLinked;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.PurchaseStatement;
import org.aems.core.settlement.SlotPriceTable;
import org.aems.core.settlement.StatementAccumulator;
import org.aems.core.settlement.ValueSource;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.YenPerKwh;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * Slot lines of a stored statement, recomputed from {@code site_interval} and the run's manifest with the
 * same code the run used (ADR 0011). The recomputed statement must equal the stored one bit for bit
 * (energy, amount at full precision with its scale, slot counts, line digest). Intervals and certified values are read
 * as the run's snapshot saw them (ADR 0021); when what it reads still differs (a run from before that), the answer is
 * a 409 that says so, never lines that do not add up to the statement.
 */
@Component
public class SlotLineRecomputer {

    private final DataSource dataSource;
    private final RunStore runs;
    private final ContractStore contracts;
    private final SeriesStore series;

    public SlotLineRecomputer(DataSource dataSource, RunStore runs, ContractStore contracts, SeriesStore series) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.contracts = contracts;
        this.series = series;
    }

    public SiteLines lines(long runId, String siteId) {
        RunManifest manifest = runs.run(runId).manifest();
        IntervalsSeen seen = IntervalsSeen.asOf(runs.intervalSnapshot(runId));
        List<Statement> stored = runs.statementsOfSite(runId, siteId);
        if (stored.isEmpty()) {
            throw new RunNotFoundException("settlement run " + runId + " has no statement for site " + siteId);
        }
        SiteId site = SiteId.of(siteId);
        DayTypeCalendar calendar = DayTypeCalendar.withHolidays(Set.copyOf(manifest.holidayDates()));
        List<StatementLines> result = new ArrayList<>();
        for (Statement s : stored) {
            BuybackContract contract = contracts.version(ContractId.of(s.contractId()), s.contractVersion());
            ContractSegment segment = new ContractSegment(contract, LocalDate.parse(s.from()), LocalDate.parse(s.until()));
            Set<SeriesId> ids = contract.tariff() instanceof MarketLinked m ? Set.of(m.series()) : Set.of();
            SlotPriceTable prices = SlotPriceTable.load(series.prices(ids, segment.slots().start(), segment.slots().end()), ids,
                    segment.slots(), manifest.knownAt());
            PricingContext context = new PricingContext(calendar, prices);
            SiteSettlement settlement = new SiteSettlement(site, List.of(segment));
            List<SettlementViews.SlotLine> lines = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                // In the run's order: certified values first, then the gateway intervals of the other slots.
                IntervalScan.certifiedSite(c, seen, site, segment.slots().start(), segment.slots().end(), (slot, exportWh, batchId) -> {
                    YenPerKwh price = settlement.addCertified(slot, exportWh, context);
                    if (price != null) {
                        lines.add(line(slot, exportWh, price, IntervalQuality.MEASURED, ValueSource.CERTIFIED));
                    }
                });
                IntervalScan.site(c, seen, site, segment.slots().start(), segment.slots().end(), row -> {
                    YenPerKwh price = settlement.add(row.slot(), row.exportWh(), row.quality(), row.revision(), context);
                    if (price != null) {
                        lines.add(line(row.slot(), row.exportWh(), price, row.quality(), ValueSource.GATEWAY));
                    }
                });
                c.commit();
                lines.sort(java.util.Comparator.comparing(l -> Slot.parse(l.slot())));
            } catch (SQLException e) {
                throw new StoreException("reading intervals of site " + siteId + " failed: " + e.getMessage(), e);
            }
            StatementAccumulator acc = settlement.accumulators().get(0);
            PurchaseStatement recomputed = acc.statement();
            requireSame(runId, s, recomputed);
            result.add(new StatementLines(s, lines, acc.missingSlots().stream().map(Slot::toString).toList(), true));
        }
        return new SiteLines(runId, siteId, result);
    }

    /** The amount a line shows is Energy × price, the same exact product the statement summed. */
    private static SettlementViews.SlotLine line(Slot slot, long exportWh, YenPerKwh price, IntervalQuality quality,
                                                 ValueSource source) {
        return new SettlementViews.SlotLine(slot.toString(), TelemetryCodec.format(slot.start()), exportWh,
                price.value().toPlainString(), Energy.ofWattHours(exportWh).times(price).amount().toPlainString(), quality.name(),
                source.name());
    }

    private static void requireSame(long runId, Statement stored, PurchaseStatement recomputed) {
        boolean same = stored.energyWh() == recomputed.energy().wattHours()
                && stored.amount().equals(recomputed.amount().amount().toPlainString())
                && stored.measuredSlots() == recomputed.quality().measured()
                && stored.estimatedSlots() == recomputed.quality().estimated()
                && stored.missingSlots() == recomputed.quality().missing()
                && stored.certifiedSlots() == recomputed.quality().certified()
                && stored.lineDigest().equals(LineDigest.format(recomputed.lineDigest()));
        if (!same) {
            throw new RunStateException(409, "INTERVALS_CHANGED", "the intervals of site " + stored.siteId() + " from "
                    + stored.from() + " changed after settlement run " + runId + " (stored " + stored.energyWh() + " Wh, "
                    + stored.amount() + " yen, digest " + stored.lineDigest() + "; now " + recomputed.energy().wattHours()
                    + " Wh, " + recomputed.amount().amount().toPlainString() + " yen, digest "
                    + LineDigest.format(recomputed.lineDigest()) + "); re-run the period for a new version");
        }
    }
}
