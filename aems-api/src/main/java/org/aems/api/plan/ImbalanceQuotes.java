package org.aems.api.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.series.PriceSource;
import org.aems.core.series.SeriesId;
import org.aems.core.time.Slot;
import org.aems.optimizer.runtime.SlotPrices;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The imbalance price each slot of a balancing plan is valued at, and where it came from: the newest version of
 * {@code aems.optimizer.prices.imbalance-series} as known now (the transmission operator publishes a preliminary
 * price, then a final one: each is a version, uploaded through /api/v1/series), else the optimizer's estimate.
 * Read afresh per request, so a final price shows as soon as it is uploaded.
 */
@Component
class ImbalanceQuotes {

    /** A price in yen/kWh and its provenance, e.g. "imbalance.tokyo v2 (final 2026-06-15)". */
    record Quote(BigDecimal yenPerKwh, String source) {
    }

    static final String ESTIMATE = "estimate: no imbalance price published for this slot (purchase price × imbalance factor)";

    private final SeriesStore store;
    private final SlotPrices prices;
    private final Optional<SeriesId> series;

    ImbalanceQuotes(SeriesStore store, SlotPrices prices, Environment environment) {
        this.store = store;
        this.prices = prices;
        this.series = Optional.ofNullable(environment.getProperty("aems.optimizer.prices.imbalance-series"))
                .filter(s -> !s.isBlank()).map(SeriesId::new);
    }

    Function<Slot, Quote> forDay(LocalDate day) {
        Optional<PriceSource> published = series.map(id -> store.prices(Set.of(id), Slot.of(day, 1).start(),
                Slot.of(day.plusDays(1), 1).start()));
        return slot -> published.flatMap(p -> p.price(series.get(), slot))
                .map(v -> new Quote(v.value().value(), v.version().series() + " v" + v.version().version() + " (" + v.version().source() + ")"))
                .orElseGet(() -> new Quote(prices.imbalance(slot).value(), ESTIMATE));
    }
}
