package org.aems.api.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a run was computed from ({@code settlement_run.manifest}), enough to recompute any slot line:
 * contract and series versions as recorded at {@code inputsKnownAt} (each statement names its contract
 * version), the holiday calendar, and the interval snapshot. Instants and dates as ISO strings.
 *
 * @param series   the versions of each price series in force over the period, as known at {@code inputsKnownAt}
 * @param contractSegments statements the run made (site × contract version in force)
 * @param intervals what the run read from {@code site_interval}
 * @param supply    the inputs of the run's supply bills; absent when it made none (ADR 0013)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(String inputsKnownAt, List<String> holidays, List<SeriesUse> series, Intervals intervals,
                          int contractSegments, String rounding, String missingSlots, Supply supply, Certified certified,
                          String dataOfRecord) {

    static final String DATA_OF_RECORD = "per site and slot: the current certified value (certified_interval, the"
            + " transmission operator's 30-minute value by supply point number) where there is one, the gateway interval"
            + " (site_interval) otherwise, for statements and supply bills alike; both count certified and gateway slots;"
            + " finalising a run with provisional ones (gateway values where certified ones are expected) needs"
            + " acceptProvisional=true, recorded in provisional_accepted";

    static final String ROUNDING = "per statement: sum of slot amounts at full precision, truncated to whole yen once"
            + " (RoundingMode.DOWN); consumption tax 10 % once per statement on that total, truncated"
            + " (tax-inclusive prices: the 10/110 share)";
    static final String MISSING_SLOTS = "a MISSING or absent interval is never billed as zero: the statement is settled on the"
            + " slots that have values, counts the others in missing_slots and is incomplete; finalising a run with"
            + " incomplete statements needs acceptIncomplete=true, recorded in incomplete_accepted";

    static final String SUPPLY_DEMAND = "high voltage: basic charge on max(this month's highest 30-minute demand, the highest"
            + " of the previous 11 months), demand = slot import kWh x 2 rounded half-up to whole kW, from the data of record"
            + " (certified values where there are some, else site_interval);"
            + " low voltage: the contracted kW";
    static final String SUPPLY_ROUNDING = "per bill: every line at full precision (renewable surcharge included), their sum"
            + " truncated to whole yen once (RoundingMode.DOWN); consumption tax 10 % once per bill on that total, truncated";

    /**
     * What the supply bills were made from: the fuel-cost adjustment series versions, the fiscal year's
     * renewable surcharge and the qualified-invoice issuer; contract versions are named by each bill.
     */
    public record Supply(String month, int contracts, List<SeriesUse> fuelCostSeries, int renewableSurchargeFiscalYear,
                         String renewableSurcharge, String invoiceRegistrationNumber, String demand, String rounding) {
    }

    /** The versions of one series the run used. */
    public record SeriesUse(String series, List<Integer> versions) {
    }

    /**
     * @param snapshotAt start of the REPEATABLE READ transaction the rows were read in
     * @param rowsWithoutContract rows of sites that had no contract in force (not settled)
     */
    public record Intervals(String table, String snapshotAt, long rows, long rowsWithoutContract, long measured,
                            long estimated, long missing, int maxRevision) {
    }

    /**
     * The certified values the run read (null in runs made before certified values existed).
     *
     * @param rowsWithoutContract values of sites the run did not settle
     * @param batches the import batches of the values read (certified_import_batch ids)
     */
    public record Certified(String table, long rows, long rowsWithoutContract, List<Long> batches) {
    }

    Instant knownAt() {
        return Instant.parse(inputsKnownAt);
    }

    List<LocalDate> holidayDates() {
        return holidays.stream().map(LocalDate::parse).toList();
    }

    String toJson() {
        return TariffJson.JSON.writeValueAsString(this);
    }

    static RunManifest fromJson(String json) {
        return TariffJson.JSON.readValue(json, RunManifest.class);
    }
}
