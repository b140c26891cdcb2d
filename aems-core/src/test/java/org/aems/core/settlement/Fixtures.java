package org.aems.core.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.core.series.VersionedSeries;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

final class Fixtures {

    static final SiteId SITE = SiteId.of("s-1");
    static final SeriesId JEPX = new SeriesId("jepx.spot.tokyo");
    static final PricingContext NO_MARKET = new PricingContext(DayTypeCalendar.weekendsOnly(), MarketPrices.NONE);

    private Fixtures() {
    }

    static BuybackContract contract(String id, int version, String from, String until, BuybackTariff tariff, TaxTreatment tax) {
        return new BuybackContract(ContractId.of(id), version, SITE,
                new Validity(LocalDate.parse(from), until == null ? null : LocalDate.parse(until)), tariff, tax);
    }

    static FixedPrice fixed(String yenPerKwh) {
        return new FixedPrice(YenPerKwh.of(yenPerKwh));
    }

    /** A JEPX series with one version holding {@code prices} for consecutive slots from {@code first}. */
    static VersionedSeries<YenPerKwh> jepx(Slot first, String... prices) {
        SeriesVersion v1 = new SeriesVersion(JEPX, 1, Instant.parse("2026-04-30T03:00:00Z"), "test");
        List<SeriesValue<YenPerKwh>> values = new java.util.ArrayList<>();
        Slot slot = first;
        for (String p : prices) {
            values.add(new SeriesValue<>(slot.start(), slot.end(), YenPerKwh.of(p), v1));
            slot = slot.next();
        }
        return VersionedSeries.<YenPerKwh>empty(JEPX).withVersion(v1, values);
    }
}
