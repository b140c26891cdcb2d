package org.aems.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.aems.core.time.Jst;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What time the platform thinks it is. Dashboard pages take "today" from here rather than from the viewer's computer,
 * whose clock or time zone may be off, and so follow a platform run on a pinned or rehearsal clock too.
 */
@RestController
@Tag(name = "open data")
class PlatformClockController {

    /** {@code now} in JST with its offset, {@code today} its JST date. */
    record ClockView(String now, String today, String zone) {
    }

    private final Clock clock;

    PlatformClockController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/api/v1/public/clock")
    @Operation(summary = "The platform's clock: now and today in JST", description = "No sign-in. The date the dashboard"
            + " shows when none is chosen.")
    ClockView clock() {
        ZonedDateTime now = Jst.toJst(clock.instant());
        return new ClockView(now.toOffsetDateTime().toString(), now.toLocalDate().toString(), Jst.ZONE.getId());
    }
}
