package org.aems.simulators.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.time.Jst;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.Weather;
import org.junit.jupiter.api.Test;

class SiteModelTest {

    private static final Scenario DEMO = BundledRegions.scenario("demo");
    private static final Instant MIDNIGHT = LocalDate.of(2026, 5, 12).atStartOfDay(Jst.ZONE).toInstant();
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final SiteId HOME_WITH_BATTERY = SiteId.of("demo-001");
    private static final SiteId STATION = SiteId.of("demo-020");

    private static RegionModel region(long seed, Sky sky) {
        return new RegionModel(DEMO, 0, seed, new Weather(seed, sky), PhysicsOptions.DEFAULT);
    }

    private static SiteModel site(RegionModel region, SiteId id) {
        return region.sites().stream().filter(s -> s.site().id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<Quantity, Double> values(SiteStep step, String device) {
        return step.readings().stream().filter(r -> r.device().value().equals(device))
                .collect(Collectors.toMap(Reading::quantity, Reading::value, (a, b) -> b));
    }

    @Test
    void balancesEnergyAtEverySiteAndStepWithTheEchonetSigns() {
        RegionModel region = region(42, Sky.PARTLY_CLOUDY);
        for (Instant t = MIDNIGHT.plus(STEP); !t.isAfter(MIDNIGHT.plus(Duration.ofDays(2))); t = t.plus(STEP)) {
            StepContext ctx = region.context(t, STEP);
            for (SiteModel site : region.sites()) {
                SiteStep s = site.step(ctx);
                // meter (+ import) = load − PV + battery (+ charging) + EV (+ charging)
                assertThat(s.meterW()).as("%s at %s", s.site(), t).isCloseTo(s.loadW() - s.pvW() + s.batteryW() + s.evW(), within(1e-6));
                assertThat(s.pvW()).isGreaterThanOrEqualTo(0);
                assertThat(s.loadW()).isGreaterThan(0);
                if (!Double.isNaN(s.batterySoc())) {
                    assertThat(s.batterySoc()).isBetween(0.0, 100.0);
                }
                if (!Double.isNaN(s.evSoc())) {
                    assertThat(s.evSoc()).isBetween(0.0, 100.0);
                }
            }
        }
    }

    @Test
    void integratesTheMeterPowerIntoItsRegisters() {
        RegionModel region = region(42, Sky.CLEAR);
        SiteModel home = site(region, HOME_WITH_BATTERY);
        SiteStep first = home.step(region.context(MIDNIGHT.plus(STEP), STEP));
        double net = 0;
        SiteStep last = first;
        for (Instant t = MIDNIGHT.plus(STEP.multipliedBy(2)); !t.isAfter(MIDNIGHT.plus(Duration.ofDays(1))); t = t.plus(STEP)) {
            last = home.step(region.context(t, STEP));
            net += last.meterW() * STEP.toMinutes() / 60.0;
        }
        double registers = (last.importWh() - first.importWh()) - (last.exportWh() - first.exportWh());
        assertThat(registers).isCloseTo(net, within(2.0));
    }

    @Test
    void publishesHalfHourlyFixedRegistersOnlyAtBoundaries() {
        RegionModel region = region(42, Sky.CLEAR);
        SiteModel home = site(region, HOME_WITH_BATTERY);
        int fixed = 0;
        for (Instant t = MIDNIGHT.plus(STEP); !t.isAfter(MIDNIGHT.plus(Duration.ofDays(1))); t = t.plus(STEP)) {
            for (Reading r : home.step(region.context(t, STEP)).readings()) {
                if (r.quantity() == Quantity.METER_IMPORT_ENERGY_FIXED) {
                    fixed++;
                    assertThat(r.timestamp().getEpochSecond() % 1800).isZero();
                }
            }
        }
        assertThat(fixed).isEqualTo(48);
    }

    @Test
    void isDeterministicForASeed() {
        assertThat(day(7)).isEqualTo(day(7));
        assertThat(day(7)).isNotEqualTo(day(8));
    }

    private static List<Double> day(long seed) {
        RegionModel region = new RegionModel(DEMO, 0, seed, new Weather(seed), PhysicsOptions.DEFAULT);
        List<Double> meter = new ArrayList<>();
        for (Instant t = MIDNIGHT.plus(STEP); !t.isAfter(MIDNIGHT.plus(Duration.ofDays(1))); t = t.plus(STEP)) {
            StepContext ctx = region.context(t, STEP);
            for (SiteModel site : region.sites()) {
                meter.add(site.step(ctx).meterW());
            }
        }
        return meter;
    }

    @Test
    void followsABatterySetpointUntilItLapsesThenFallsBackAndSaysSoInTelemetry() {
        RegionModel region = region(42, Sky.CLEAR);
        SiteModel home = site(region, HOME_WITH_BATTERY);
        Instant noon = MIDNIGHT.plus(Duration.ofHours(12));
        CommandAck ack = home.handle(command("c-1", "bat-1", Command.Action.SET_POWER, -2_000, noon, noon.plus(Duration.ofMinutes(30))),
                noon.minusSeconds(60));
        assertThat(ack.status()).isEqualTo(CommandAck.Status.ACCEPTED);
        SiteStep during = home.step(region.context(noon.plus(STEP), STEP));
        assertThat(values(during, "bat-1")).containsEntry(Quantity.BATTERY_POWER, -2_000.0).containsEntry(Quantity.DEVICE_COMMANDED, 1.0);
        SiteStep after = null;
        for (Instant t = noon.plus(STEP.multipliedBy(2)); !t.isAfter(noon.plus(Duration.ofMinutes(30))); t = t.plus(STEP)) {
            after = home.step(region.context(t, STEP));
        }
        // At validUntil the battery is back in self-consumption: charging from the clear-noon surplus.
        assertThat(values(after, "bat-1").get(Quantity.DEVICE_COMMANDED)).isZero();
        assertThat(values(after, "bat-1").get(Quantity.BATTERY_POWER)).isGreaterThanOrEqualTo(0.0);
        assertThat(after.fallbacks()).isEqualTo(1);
    }

    @Test
    void fallsBackToItsDefaultWhenTheConnectionDrops() {
        RegionModel region = region(42, Sky.CLEAR);
        SiteModel home = site(region, HOME_WITH_BATTERY);
        Instant noon = MIDNIGHT.plus(Duration.ofHours(12));
        home.handle(command("c-2", "bat-1", Command.Action.SET_POWER, -2_000, noon, noon.plus(Duration.ofHours(2))), noon);
        assertThat(values(home.step(region.context(noon.plus(STEP), STEP)), "bat-1").get(Quantity.DEVICE_COMMANDED)).isEqualTo(1.0);
        home.connectionLost(noon.plus(STEP));
        SiteStep next = home.step(region.context(noon.plus(STEP.multipliedBy(2)), STEP));
        assertThat(values(next, "bat-1").get(Quantity.DEVICE_COMMANDED)).isZero();
        assertThat(next.fallbacks()).isEqualTo(1);
    }

    @Test
    void refusesImpossibleCommandsWithTheReason() {
        RegionModel region = region(42, Sky.CLEAR);
        SiteModel home = site(region, HOME_WITH_BATTERY);
        Instant noon = MIDNIGHT.plus(Duration.ofHours(12));
        Instant until = noon.plus(Duration.ofMinutes(30));
        assertThat(home.handle(command("r-1", "bat-1", Command.Action.SET_POWER, 5_000, noon, until), noon))
                .extracting(CommandAck::status, CommandAck::reason)
                .containsExactly(CommandAck.Status.REJECTED, "setpoint 5000 W above the battery's 3000 W charge rating");
        assertThat(home.handle(command("r-2", "bat-9", Command.Action.SET_POWER, 1_000, noon, until), noon).reason())
                .isEqualTo("device bat-9 is not registered at site demo-001");
        assertThat(home.handle(command("r-3", "meter-1", Command.Action.SET_POWER, 1_000, noon, until), noon).reason())
                .startsWith("device meter-1 cannot be controlled");
        assertThat(home.handle(command("r-4", "bat-1", Command.Action.SET_POWER, 1_000, noon, until), until.plusSeconds(1)).reason())
                .startsWith("command expired");
        assertThat(home.handle(command("r-5", "pv-1", Command.Action.SET_POWER, 1_000, noon, until), noon).reason())
                .isEqualTo("SET_POWER applies to batteries and EV chargers; pv-1 is neither");
    }

    @Test
    void refusesChargingAVehicleThatIsNotThereAndExecutesARepeatedCommandOnce() {
        RegionModel region = region(42, Sky.CLEAR);
        SiteModel station = site(region, STATION);
        Instant t = MIDNIGHT;
        // Step through a day until a vehicle is out on a booking.
        String away = null;
        while (away == null && t.isBefore(MIDNIGHT.plus(Duration.ofDays(3)))) {
            t = t.plus(STEP);
            SiteStep s = station.step(region.context(t, STEP));
            for (String ev : List.of("ev-1", "ev-2")) {
                if (values(s, ev).get(Quantity.EV_PLUGGED) == 0.0) {
                    away = ev;
                }
            }
        }
        assertThat(away).as("a vehicle out on a booking").isNotNull();
        CommandAck refused = station.handle(command("e-1", away, Command.Action.SET_POWER, 3_000, t, t.plus(Duration.ofHours(1))), t);
        assertThat(refused.status()).isEqualTo(CommandAck.Status.REJECTED);
        assertThat(refused.reason()).isEqualTo("no vehicle plugged in at " + away);
        CommandAck again = station.handle(command("e-1", away, Command.Action.SET_POWER, 3_000, t, t.plus(Duration.ofHours(1))),
                t.plusSeconds(5));
        assertThat(again.status()).isEqualTo(CommandAck.Status.REJECTED);
        assertThat(again.reason()).isEqualTo(refused.reason());
    }

    private static Command command(String id, String device, Command.Action action, long watts, Instant from, Instant until) {
        return new Command(id, SiteId.of(id.startsWith("e-") ? "demo-020" : "demo-001"), DeviceId.of(device), action,
                BigDecimal.valueOf(watts), from, until, from.minusSeconds(30));
    }
}
