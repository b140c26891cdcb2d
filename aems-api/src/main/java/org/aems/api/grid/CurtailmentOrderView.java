package org.aems.api.grid;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.aems.core.time.Jst;
import org.aems.optimizer.grid.CurtailmentOrder;

/** A transmission operator's output curtailment order (出力制御) as sent and read back (times in JST). */
public record CurtailmentOrderView(String id, String issuedBy, String feederId, OffsetDateTime validFrom, OffsetDateTime validUntil,
                                   BigDecimal maxShare, Boolean cancelled) {

    static CurtailmentOrderView of(CurtailmentOrder o) {
        return new CurtailmentOrderView(o.id(), o.issuedBy(), o.feeder().map(f -> f.value()).orElse(null),
                Jst.toJst(o.validFrom()).toOffsetDateTime(), Jst.toJst(o.validUntil()).toOffsetDateTime(), BigDecimal.valueOf(o.maxShare()),
                o.cancelled());
    }
}
