package org.aems.core.series;

import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/** The seam for prices per slot (JEPX spot, imbalance, tariffs): every price knows its version. */
public interface PriceSource {
    Optional<SeriesValue<YenPerKwh>> price(SeriesId series, Slot slot);
}
