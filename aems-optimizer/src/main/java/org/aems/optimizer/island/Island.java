package org.aems.optimizer.island;

import java.time.Instant;
import java.util.Optional;

/** A feeder declared islanded, by whom and why, and the optimizer's last report on it (JSON). */
public record Island(long id, String feeder, Instant declaredAt, String declaredBy, String reason, Optional<Instant> endedAt,
                     Optional<String> endedBy, Optional<String> reportJson, Optional<Instant> reportedAt) {
}
