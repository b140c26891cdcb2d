package org.aems.api.plan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.series.PriceSource;
import org.aems.core.series.SeriesId;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;
import org.aems.optimizer.runtime.SlotPrices;
import org.aems.optimizer.runtime.TimeOfDayPrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimizer's prices from the platform's versioned series (the ones settlement uses, {@code series_value}),
 * as known now: the purchase price from {@code aems.optimizer.prices.purchase-series} (e.g. the JEPX Tokyo-area
 * spot price), the imbalance price from {@code imbalance-series} if set, else purchase × the imbalance factor.
 * A slot the series has no value for takes the configured hourly price, counted
 * ({@code aems.optimizer.prices.fallback}) and logged at most every 30 minutes: never a silent zero.
 */
final class SeriesSlotPrices implements SlotPrices {

    private static final Logger log = LoggerFactory.getLogger(SeriesSlotPrices.class);
    private static final Duration RELOAD = Duration.ofMinutes(5);

    private final SeriesStore store;
    private final SeriesId purchase;
    private final Optional<SeriesId> imbalance;
    private final TimeOfDayPrices fallback;
    private final Clock clock;
    private final Counter fallbacks;
    private volatile Loaded loaded;
    private volatile Instant lastWarned = Instant.MIN;

    private record Loaded(Instant at, Instant from, Instant until, PriceSource source) {
    }

    SeriesSlotPrices(SeriesStore store, SeriesId purchase, Optional<SeriesId> imbalance, TimeOfDayPrices fallback, Clock clock,
                     MeterRegistry metrics) {
        this.store = store;
        this.purchase = purchase;
        this.imbalance = imbalance;
        this.fallback = fallback;
        this.clock = clock;
        this.fallbacks = Counter.builder("aems.optimizer.prices.fallback")
                .description("Slots priced from the configured hourly prices because the series had no value").register(metrics);
    }

    @Override
    public YenPerKwh purchase(Slot slot) {
        return price(purchase, slot).orElseGet(() -> fellBack(purchase, slot, fallback.purchase(slot)));
    }

    @Override
    public YenPerKwh sale(Slot slot) {
        return fallback.sale(slot);
    }

    @Override
    public YenPerKwh imbalance(Slot slot) {
        return imbalance.flatMap(id -> price(id, slot))
                .orElseGet(() -> new YenPerKwh(purchase(slot).value().multiply(fallback.imbalanceFactor())));
    }

    private Optional<YenPerKwh> price(SeriesId id, Slot slot) {
        Instant now = clock.instant();
        return source(slot, now).price(id, slot, now).map(v -> v.value());
    }

    /** The series around {@code slot}, loaded for a few days at a time and at most every 5 minutes. */
    private PriceSource source(Slot slot, Instant now) {
        Loaded current = loaded;
        if (current == null || current.at().isBefore(now.minus(RELOAD)) || slot.start().isBefore(current.from())
                || slot.end().isAfter(current.until())) {
            Instant from = slot.start().minus(Duration.ofDays(1));
            Instant until = slot.start().plus(Duration.ofDays(3));
            Set<SeriesId> ids = Stream.concat(Stream.of(purchase), imbalance.stream()).collect(Collectors.toSet());
            current = new Loaded(now, from, until, store.prices(ids, from, until));
            loaded = current;
        }
        return current.source();
    }

    private YenPerKwh fellBack(SeriesId id, Slot slot, YenPerKwh price) {
        fallbacks.increment();
        Instant now = clock.instant();
        if (lastWarned.isBefore(now.minus(Duration.ofMinutes(30)))) {
            lastWarned = now;
            log.warn("price series {} has no value for slot {} (and maybe others): the optimizer uses the configured hourly price {} yen/kWh; "
                    + "record the series' values to plan on real prices", id, slot, price.value().toPlainString());
        }
        return price;
    }
}
