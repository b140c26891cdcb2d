package org.aems.optimizer.model;

import static org.aems.optimizer.model.Problems.WIDE;
import static org.aems.optimizer.model.Problems.bank;
import static org.aems.optimizer.model.Problems.battery;
import static org.aems.optimizer.model.Problems.feeder;
import static org.aems.optimizer.model.Problems.kwh;
import static org.aems.optimizer.model.Problems.limits;
import static org.aems.optimizer.model.Problems.yen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

/** Small instances with optima derived by hand (in the comments); energies in kWh per 30-minute slot. */
class BankSolverTest {

    private final BankSolver solver = new BankSolver();

    @Test
    void oneBatteryBuysCheapAndCoversTheExpensiveSlotAsFarAsItsPowerAndLossesAllow() {
        // Load 1 kWh in each of two slots at 10 and 30 yen. Battery empty, 1 kWh per slot, 90 % each way.
        // Charging the full 1 kWh in slot 1 stores 0.9, which gives 0.81 back in slot 2:
        // 2 kWh x 10 + 0.19 kWh x 30 + cycling 0.25 x (1 + 0.81) = 20 + 5.7 + 0.4525 = 26.1525 yen (40 without).
        BankPlan plan = solver.solve(bank(yen("10", "30"), yen("0", "0"),
                feeder("f1", WIDE, kwh(1, 1), List.of(battery("b1", 10, 1, 0.9, 0)), List.of()))).orElseThrow();

        assertThat(plan.source()).isEqualTo(PlanSource.OPTIMAL);
        assertThat(plan.objective().amount().doubleValue()).isCloseTo(26.1525, within(1e-6));
        StorageSchedule b1 = plan.feeders().get(0).storage().get(0);
        assertThat(b1.setpoints()).containsExactly(Power.ofWatts(2_000), Power.ofWatts(-1_620));
        assertThat(b1.storedAfter()).containsExactly(Energy.ofWattHours(900), Energy.ZERO);
        assertThat(plan.bankNet()).containsExactly(Energy.ofWattHours(2_000), Energy.ofWattHours(190));
        assertThat(plan.limits()).isEmpty();
    }

    @Test
    void anEvIsChargedInTheCheapestSlotsOfItsWindowAndLeavesWithWhatItNeeds() {
        // Plugged for slots 1-3 (leaves at the start of slot 4), needs 2 kWh, 1.5 kWh per slot at most.
        // Slots 2 and 3 cost 10 yen: 2 kWh x 10 = 20 yen; nothing in slot 1 (30 yen) or after departure.
        EvBooking ev = new EvBooking("ev-1", 0, 3, Energy.ofWattHours(2_000), Energy.ofWattHours(40_000), Power.ofWatts(3_000), Power.ZERO, Efficiency.of(1));
        BankPlan plan = solver.solve(bank(yen("30", "10", "10", "30"), yen("0", "0", "0", "0"),
                feeder("f1", WIDE, kwh(0, 0, 0, 0), List.of(), List.of(ev)))).orElseThrow();

        EvSchedule schedule = plan.feeders().get(0).evs().get(0);
        assertThat(schedule.delivered()).isEqualTo(Energy.ofWattHours(2_000));
        assertThat(schedule.shortfall()).isEqualTo(Energy.ZERO);
        assertThat(schedule.setpoints().get(0)).isEqualTo(Power.ZERO);
        assertThat(schedule.setpoints().get(3)).isEqualTo(Power.ZERO);
        assertThat(plan.objective().amount().doubleValue()).isCloseTo(20, within(1e-6));
    }

    @Test
    void anEvWhoseWindowIsTooShortGetsAllItCanAndTheShortfallIsPriced() {
        // Needs 5 kWh, the window gives at most 3 x 1.5 = 4.5: 45 + 15 + 15 = 75 yen, plus 0.5 kWh x 500 = 250.
        EvBooking ev = new EvBooking("ev-1", 0, 3, Energy.ofWattHours(5_000), Energy.ofWattHours(40_000), Power.ofWatts(3_000), Power.ZERO, Efficiency.of(1));
        BankPlan plan = solver.solve(bank(yen("30", "10", "10", "30"), yen("0", "0", "0", "0"),
                feeder("f1", WIDE, kwh(0, 0, 0, 0), List.of(), List.of(ev)))).orElseThrow();

        EvSchedule schedule = plan.feeders().get(0).evs().get(0);
        assertThat(schedule.delivered()).isEqualTo(Energy.ofWattHours(4_500));
        assertThat(schedule.shortfall()).isEqualTo(Energy.ofWattHours(500));
        assertThat(plan.objective().amount().doubleValue()).isCloseTo(325, within(1e-6));
    }

    @Test
    void aNearlyFullEvTakesOnlyWhatItsBatteryHasRoomForAndTheRestOfTheSurplusIsABreach() {
        // 10 kWh surplus in one slot, 5 kWh may flow back. The plugged EV needs nothing and could charge 3 kWh in the
        // slot, but its battery has room for 2: it takes 2, 8 kWh flow back, 3 kWh over the limit (charging it 3
        // would have made the breach 2 kWh, into a battery that cannot hold it). V2X or not, the same.
        for (Power v2x : List.of(Power.ZERO, Power.ofWatts(6_000))) {
            EvBooking ev = new EvBooking("ev-1", 0, 1, Energy.ZERO, Energy.ofWattHours(2_000), Power.ofWatts(6_000), v2x, Efficiency.of(1));
            BankPlan plan = solver.solve(bank(yen("20"), yen("0"), feeder("f1", limits(5, 100), kwh(-10), List.of(), List.of(ev)))).orElseThrow();

            assertThat(plan.feeders().get(0).evs().get(0).delivered()).isEqualTo(Energy.ofWattHours(2_000));
            assertThat(plan.feeders().get(0).net()).containsExactly(Energy.ofWattHours(-8_000));
            assertThat(plan.breaches()).singleElement().satisfies(breach -> {
                assertThat(breach.kind()).isEqualTo(LimitKind.REVERSE_FLOW);
                assertThat(breach.excess()).isEqualTo(Energy.ofWattHours(3_000));
            });
        }
    }

    @Test
    void aBatteryHoldsTheFeederExactlyAtItsReverseFlowLimitAndThePlanSaysTheLimitBound() {
        // 3 kWh surplus in slot 1, limit 1 kWh back: the battery must take 2 (its maximum). Slot 2 draws 1 kWh
        // at 20 yen; the battery gives it back. Selling is worth nothing, so no more is discharged.
        // Objective: cycling 0.25 x (2 + 1) = 0.75 yen.
        BankPlan plan = solver.solve(bank(yen("20", "20"), yen("0", "0"),
                feeder("f1", limits(1, 100), kwh(-3, 1), List.of(battery("b1", 4, 2, 1, 0)), List.of()))).orElseThrow();

        assertThat(plan.feeders().get(0).net()).containsExactly(Energy.ofWattHours(-1_000), Energy.ZERO);
        assertThat(plan.objective().amount().doubleValue()).isCloseTo(0.75, within(1e-6));
        assertThat(plan.breaches()).isEmpty();
        assertThat(plan.limits()).singleElement().satisfies(limit -> {
            assertThat(limit.where()).isEqualTo("f1");
            assertThat(limit.slot()).isEqualTo(Problems.slots(2).get(0));
            assertThat(limit.kind()).isEqualTo(LimitKind.REVERSE_FLOW);
            assertThat(limit.outcome()).isEqualTo(LimitEvent.Outcome.BINDING);
            assertThat(limit.limit()).isEqualTo(Energy.ofWattHours(1_000));
            assertThat(limit.why()).startsWith("held exactly at the limit: PV surplus beyond what batteries and EVs absorbed (2.0 kWh)");
        });
    }

    @Test
    void limitsThatCannotAllHoldComeBackSoftWithTheBreachNamed() {
        // 3 kWh surplus, limit 1, nothing to absorb it and no curtailable PV: 2 kWh over, priced at 1,000 yen/kWh.
        BankPlan plan = solver.solve(bank(yen("20"), yen("0"),
                feeder("f1", limits(1, 100), kwh(-3), List.of(), List.of()))).orElseThrow();

        assertThat(plan.source()).isEqualTo(PlanSource.OPTIMAL);
        assertThat(plan.breaches()).singleElement().satisfies(breach -> {
            assertThat(breach.where()).isEqualTo("f1");
            assertThat(breach.kind()).isEqualTo(LimitKind.REVERSE_FLOW);
            assertThat(breach.flow()).isEqualTo(Energy.ofWattHours(3_000));
            assertThat(breach.excess()).isEqualTo(Energy.ofWattHours(2_000));
            assertThat(breach.why()).contains("PV surplus beyond what batteries and EVs absorbed (0.0 kWh)")
                    .endsWith("no feasible plan holds this limit");
        });
        assertThat(plan.objective().amount().doubleValue()).isCloseTo(2_000, within(1e-6));
    }

    @Test
    void inAnUnabsorbableSurplusNoBatteryChargesAndDischargesInTheSameSlot() {
        // 5 kWh surplus in two slots, limit 1: the battery (2 kWh, 90 % each way) fills in slot 1; in slot 2 it
        // could only "absorb" by charging and discharging at once, wasting energy in losses. Not physical:
        // the plan breaches honestly instead: 2 kWh in the slot the battery fills, 4 kWh in the other (either
        // slot may be the one: both are optimal).
        BankPlan plan = solver.solve(bank(yen("20", "20"), yen("0", "0"),
                feeder("f1", limits(1, 100), kwh(-5, -5), List.of(battery("b1", 1.8, 2, 0.9, 0)), List.of()))).orElseThrow();

        assertThat(plan.breaches()).extracting(LimitEvent::excess)
                .containsExactlyInAnyOrder(Energy.ofWattHours(2_000), Energy.ofWattHours(4_000));
        assertThat(plan.feeders().get(0).storage().get(0).setpoints()).containsExactlyInAnyOrder(Power.ofWatts(4_000), Power.ZERO);
    }
}
