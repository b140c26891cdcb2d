package org.aems.core.series;

import java.time.Instant;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * The seam for prices per slot (JEPX spot, imbalance, buy-back tariffs): every price knows its version, so
 * a settlement can record which it used. Empty when the series has no price for the slot (yet).
 */
public interface PriceSource {

    /** The newest known price for {@code slot}. */
    Optional<SeriesValue<YenPerKwh>> price(SeriesId series, Slot slot);

    /** The price for {@code slot} as it was known at {@code knownAt}, to repeat a settlement exactly. */
    Optional<SeriesValue<YenPerKwh>> price(SeriesId series, Slot slot, Instant knownAt);
}
