package org.aems.optimizer.grid;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.grid.FeederId;
import org.aems.core.time.Slot;

/**
 * The transmission operator's output curtailment order (出力制御): from {@code validFrom} to {@code validUntil},
 * PV on {@code feeder} (every feeder if empty) may produce at most {@code maxShare} of its peak power.
 */
public record CurtailmentOrder(String id, String issuedBy, Optional<FeederId> feeder, Instant validFrom, Instant validUntil, double maxShare,
                               boolean cancelled) {
    public CurtailmentOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(feeder, "feeder");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("order id must be 1..64 characters, was '" + id + "'");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("order " + id + ": validUntil " + validUntil + " must be after validFrom " + validFrom);
        }
        if (!(maxShare >= 0 && maxShare < 1)) {
            throw new IllegalArgumentException("order " + id + ": maxShare must be within 0 (stop) .. below 1, was " + maxShare);
        }
    }

    /** Whether it limits {@code feeder}'s PV in any part of {@code slot}. */
    public boolean covers(FeederId target, Slot slot) {
        return !cancelled && feeder.map(target::equals).orElse(true) && validFrom.isBefore(slot.end()) && validUntil.isAfter(slot.start());
    }
}
