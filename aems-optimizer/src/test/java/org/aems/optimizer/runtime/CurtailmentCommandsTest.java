package org.aems.optimizer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.telemetry.Command;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;
import org.aems.optimizer.dispatch.PlanCommands;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.FeederProblem;
import org.aems.optimizer.model.FeederSchedule;
import org.aems.optimizer.model.Penalties;
import org.aems.optimizer.model.PlanSource;
import org.junit.jupiter.api.Test;

/**
 * PV limits for the slot under way (#5 "keep reverse flow within the bank/feeder limits", ADR 0026): the planned
 * curtailment, and a guard where the plan rides a registered limit, shared among inverters by what each makes.
 */
class CurtailmentCommandsTest {

    /** 10:00-10:30 JST on a May morning: east roofs make more than west ones. */
    private static final Slot MORNING = Slot.of(LocalDate.of(2026, 5, 10), 21);
    private static final BankId BANK = new BankId("b1");
    /** Registered reverse-flow limit 400 kW = 200 kWh a slot; the plan aims at 93 % of it. */
    private static final long FEEDER_LIMIT_W = 400_000;
    private static final List<BankInputs.CurtailablePv> ROOFS = List.of(
            new BankInputs.CurtailablePv("east-site/pv-1", Power.ofWatts(400_000), Power.ofWatts(400_000), 30, 90),
            new BankInputs.CurtailablePv("west-site/pv-1", Power.ofWatts(400_000), Power.ofWatts(400_000), 30, 270));

    @Test
    void aPlanExportingUpToItsLimitWithNothingCurtailedHoldsThePvToWhatKeepsTheFeederInsideTheRegisteredLimit() {
        // Forecast: 286 kWh of curtailable PV against 100 kWh of demand; the plan exports 186 kWh (its 93 % aim).
        List<Command> commands = commands(bank(feeder("f1", 286, -186, 0)), 1_000_000);

        assertThat(commands).hasSize(2).allSatisfy(c -> {
            assertThat(c.action()).isEqualTo(Command.Action.LIMIT_PV);
            assertThat(c.validFrom()).isEqualTo(MORNING.start());
            assertThat(c.validUntil()).isEqualTo(PlanCommands.validUntil(MORNING));
        });
        // The 186 kWh planned plus the 14 kWh left to 200 kWh: 300 kWh of PV, as average power over half an hour.
        assertThat(slotKwh(commands)).isCloseTo(300, within(0.01));
        assertThat(watts(commands, "east-site")).as("an east roof makes more at 10:00 than a west one of the same peak")
                .isGreaterThan(1.3 * watts(commands, "west-site"));
    }

    @Test
    void aPlanWellInsideTheLimitSendsNothing() {
        assertThat(commands(bank(feeder("f1", 286, -30, 0)), 1_000_000)).isEmpty();
    }

    @Test
    void plannedCurtailmentKeepsWhatThePlanKeepsNotMore() {
        List<Command> commands = commands(bank(feeder("f1", 286, -186, 50)), 1_000_000);

        assertThat(slotKwh(commands)).isCloseTo(236, within(0.01));
    }

    @Test
    void theBanksHeadroomIsSharedAmongItsFeedersByTheirForecastPv() {
        // Each feeder 100 kWh from its own limit, but the bank (limit 220 kWh a slot) only 20 kWh from its own.
        List<Feeder> feeders = bank(feeder("f1", 300, -100, 0), feeder("f2", 100, -100, 0));
        double[] allowed = CurtailmentCommands.allowedCurtailablePv(inputs(440_000, feeders), problem(feeders), plan(feeders), 0);

        assertThat(allowed[0]).isCloseTo(315_000, within(1e-6));
        assertThat(allowed[1]).isCloseTo(105_000, within(1e-6));
    }

    @Test
    void inverterSharesFollowTheSunByDayAndPeakPowerByNight() {
        double[] morning = CurtailmentCommands.shares(ROOFS, MORNING, ClearSky.ODAWARA);
        double[] afternoon = CurtailmentCommands.shares(ROOFS, Slot.of(MORNING.date(), 31), ClearSky.ODAWARA); // 15:00 JST
        double[] night = CurtailmentCommands.shares(ROOFS, Slot.of(MORNING.date(), 1), ClearSky.ODAWARA);

        assertThat(morning[0] + morning[1]).isCloseTo(1, within(1e-9));
        assertThat(morning[0]).isGreaterThan(morning[1]);
        assertThat(afternoon[1]).isGreaterThan(afternoon[0]);
        assertThat(night).containsExactly(0.5, 0.5);
    }

    @Test
    void theSharesFollowTheRegionsOwnSun() {
        // Naha's solar noon is ~46 minutes after Odawara's: at 15:00 JST its sun stands less far west.
        ClearSky naha = new ClearSky(26.21, 127.68);
        Slot afternoon = Slot.of(MORNING.date(), 31);

        assertThat(CurtailmentCommands.shares(ROOFS, afternoon, naha)[1])
                .isLessThan(CurtailmentCommands.shares(ROOFS, afternoon, ClearSky.ODAWARA)[1]);
    }

    /** One feeder (two 400 kW roofs) and its plan for the slot, kWh: curtailable PV forecast, planned net (+ import), planned curtailment. */
    private record Feeder(String id, double pvKwh, double netKwh, double curtailedKwh) {
    }

    private static Feeder feeder(String id, double pvKwh, double netKwh, double curtailedKwh) {
        return new Feeder(id, pvKwh, netKwh, curtailedKwh);
    }

    private static List<Feeder> bank(Feeder... feeders) {
        return List.of(feeders);
    }

    private static List<Command> commands(List<Feeder> feeders, long bankLimitW) {
        return CurtailmentCommands.forSlot(inputs(bankLimitW, feeders), problem(feeders), plan(feeders), 0, MORNING.start().plusSeconds(60), ClearSky.ODAWARA);
    }

    private static BankInputs inputs(long bankLimitW, List<Feeder> feeders) {
        List<BankInputs.FeederInputs> inputs = new ArrayList<>();
        for (Feeder f : feeders) {
            SlotSeries empty = new SlotSeries(f.id(), "Wh", new TreeMap<>());
            inputs.add(new BankInputs.FeederInputs(new FeederId(f.id()), List.of(limits(FEEDER_LIMIT_W)), empty, empty, 1.0, List.of(), Map.of(),
                    Power.ofWatts(800_000), ROOFS, HeldBack.NONE, List.of(), List.of(1.0)));
        }
        return new BankInputs(BANK, List.of(MORNING), List.of(limits(bankLimitW)), inputs);
    }

    private static BankProblem problem(List<Feeder> feeders) {
        List<FeederProblem> problems = feeders.stream().map(f -> new FeederProblem(new FeederId(f.id()),
                List.of(limits(Math.round(FEEDER_LIMIT_W * 0.93))), List.of(kwh(100)), List.of(kwh(f.pvKwh())), List.of(), List.of())).toList();
        return new BankProblem(BANK, List.of(MORNING), List.of(limits(2_000_000)), problems, List.of(YenPerKwh.of("20")),
                List.of(YenPerKwh.of("8")), Optional.empty(), Penalties.DEFAULT);
    }

    private static BankPlan plan(List<Feeder> feeders) {
        double bankNetKwh = feeders.stream().mapToDouble(Feeder::netKwh).sum();
        return new BankPlan(BANK, List.of(MORNING), PlanSource.OPTIMAL, Yen.ZERO, Duration.ZERO, List.of(kwh(bankNetKwh)),
                feeders.stream().map(f -> new FeederSchedule(new FeederId(f.id()), List.of(kwh(f.netKwh())), List.of(kwh(f.curtailedKwh())),
                        List.of(), List.of())).toList(), List.of());
    }

    private static FlowLimits limits(long reverseW) {
        return new FlowLimits(Power.ofWatts(reverseW), Power.ofWatts(1_000_000));
    }

    private static Energy kwh(double kwh) {
        return Energy.ofWattHours(Math.round(kwh * 1000));
    }

    private static double slotKwh(List<Command> commands) {
        return commands.stream().mapToDouble(c -> c.setpointWatts().doubleValue()).sum() * 0.5 / 1000;
    }

    private static double watts(List<Command> commands, String site) {
        return commands.stream().filter(c -> c.siteId().value().equals(site)).findFirst().orElseThrow().setpointWatts().doubleValue();
    }
}
