package org.aems.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Japan Standard Time, the zone of slots, contracts and what people read. Used only at the edges (ADR 0002). */
public final class Jst {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private Jst() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static ZonedDateTime toJst(Instant instant) {
        return instant.atZone(ZONE);
    }
}
