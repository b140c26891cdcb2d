package org.aems.optimizer.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.time.Slot;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.site.SiteModel;
import org.aems.simulators.site.SiteStep;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.Weather;
import org.junit.jupiter.api.Test;

/**
 * A slot's setpoints must carry a battery through the whole slot and over the boundary until the next round's command
 * arrives. Valid only to the boundary, the simulated battery (like a real one) fell back to self-consumption for the
 * slot's last step, every slot.
 */
class SetpointHandoverTest {

    private static final Duration STEP = Duration.ofMinutes(5);
    private static final SiteId HOME = SiteId.of("demo-001");

    @Test
    void aBatteryFollowsItsSlotsSetpointToTheBoundaryAndHandsOverToTheNextRoundsWithoutFallingBack() {
        RegionModel region = new RegionModel(BundledRegions.scenario("demo"), 0, 42, new Weather(42, Sky.CLEAR), PhysicsOptions.DEFAULT);
        SiteModel home = region.sites().stream().filter(s -> s.site().id().equals(HOME)).findFirst().orElseThrow();
        Slot noon = Slot.of(LocalDate.of(2026, 5, 12), 25);
        Duration roundDelay = Duration.ofSeconds(60);

        assertThat(home.handle(setpoint("r1", noon, -2_000), noon.start().plus(roundDelay)).status()).isEqualTo(CommandAck.Status.ACCEPTED);
        for (Instant t = noon.start().plus(STEP); !t.isAfter(noon.end()); t = t.plus(STEP)) {
            SiteStep step = home.step(region.context(t, STEP));
            assertThat(battery(step, Quantity.DEVICE_COMMANDED)).as("commanded at %s", t).isEqualTo(1.0);
            assertThat(battery(step, Quantity.BATTERY_POWER)).as("power at %s", t).isEqualTo(-2_000.0);
        }
        // The next round, a minute after the boundary, replaces the setpoint it still holds.
        Slot next = noon.next();
        home.handle(setpoint("r2", next, 1_000), next.start().plus(roundDelay));
        SiteStep last = null;
        for (Instant t = next.start().plus(STEP); !t.isAfter(next.end()); t = t.plus(STEP)) {
            last = home.step(region.context(t, STEP));
            assertThat(battery(last, Quantity.BATTERY_POWER)).as("power at %s", t).isEqualTo(1_000.0);
        }
        assertThat(last.fallbacks()).isZero();

        // No third round: the battery returns to its default soon after the slot, not holding a stale setpoint.
        SiteStep after = home.step(region.context(PlanCommands.validUntil(next), STEP));
        assertThat(battery(after, Quantity.DEVICE_COMMANDED)).isZero();
        assertThat(after.fallbacks()).isEqualTo(1);
    }

    /** A setpoint for {@code slot} with the validity the optimizer gives it. */
    private static Command setpoint(String round, Slot slot, long watts) {
        return new Command(round + "-bat-1", HOME, DeviceId.of("bat-1"), Command.Action.SET_POWER, BigDecimal.valueOf(watts), slot.start(),
                PlanCommands.validUntil(slot), slot.start());
    }

    private static double battery(SiteStep step, Quantity quantity) {
        return step.readings().stream().filter(r -> r.device().value().equals("bat-1") && r.quantity() == quantity).map(Reading::value)
                .reduce((a, b) -> b).orElseThrow();
    }
}
