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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

/** A plan is always published: solver, else last plan, else baseline, with an alert for each fallback. */
class PlannerTest {

    private final RecordingAlerts alerts = new RecordingAlerts();
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-12T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void aSolverOutOfTimePublishesTheBaselineAndRaisesAnAlertThatTheNextSolveCloses() {
        BankProblem big = SunnyBanks.of(8, 20, 4, 11);
        Planner hurried = new Planner(new BankSolver("GLOP", Duration.ofMillis(1)), new BaselinePlanner(), alerts, clock);

        BankPlan plan = hurried.plan(big, Optional.empty());

        assertThat(plan.source()).isEqualTo(PlanSource.BASELINE);
        assertThat(plan.slots()).isEqualTo(big.slots());
        assertThat(alerts.raised).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.OPTIMIZER_FALLBACK);
            assertThat(alert.subject()).isEqualTo("bank-sunny");
            assertThat(alert.message()).contains("the solver found no plan within its time limit")
                    .contains("published the rule-based baseline (self-consumption) instead");
        });

        BankPlan solved = new Planner(new BankSolver(), new BaselinePlanner(), alerts, clock).plan(big, Optional.of(plan));
        assertThat(solved.source()).isEqualTo(PlanSource.OPTIMAL);
        assertThat(alerts.resolved).containsExactly("OPTIMIZER_FALLBACK bank-sunny");
        // The optimum is never worse than the baseline on the same problem, and here much better: the
        // baseline lets the midday surplus breach the reverse-flow limits far more often and further.
        assertThat(solved.objective()).isLessThan(plan.objective());
        assertThat(excess(solved)).isLessThan(excess(plan) / 2);
        assertThat(solved.breaches().size()).isLessThan(plan.breaches().size());
    }

    @Test
    void aFailedSolveReusesTheLastPlanWhileItStillCoversEverySlot() {
        BankProblem problem = SunnyBanks.of(2, 4, 1, 3);
        BankPlan last = new BankSolver().solve(problem).orElseThrow();
        BankProblem later = new BankProblem(problem.bank(), problem.slots().subList(10, 48), problem.limits().subList(10, 48),
                problem.feeders().stream().map(f -> new FeederProblem(f.id(), f.limits().subList(10, 48), f.baseNet().subList(10, 48),
                        f.curtailablePv().subList(10, 48), f.storage(), List.of())).toList(),
                problem.purchase().subList(10, 48), problem.sale().subList(10, 48), Optional.empty(), problem.penalties());
        Planner failing = new Planner(p -> {
            throw new IllegalStateException("native solver crashed");
        }, new BaselinePlanner(), alerts, clock);

        BankPlan plan = failing.plan(later, Optional.of(last));

        assertThat(plan.source()).isEqualTo(PlanSource.LAST_PLAN);
        assertThat(plan.slots()).isEqualTo(later.slots());
        assertThat(plan.bankNet()).isEqualTo(last.bankNet().subList(10, 48));
        assertThat(alerts.raised).singleElement().extracting(Alert::message).asString()
                .contains("the solver failed: native solver crashed").contains("published the last plan instead");
    }

    @Test
    void theBaselineChargesFromSurplusDischargesForDeficitAndChargesEvsOnPlugIn() {
        // Surplus 1.5 kWh then deficit 1 kWh; battery 1 kWh per slot, 100 %: charges 1, gives 1 back.
        // The EV plugged in slot 2 needing 1 kWh charges at once at up to 1.5 kWh per slot.
        EvBooking ev = new EvBooking("ev-1", 1, 2, Energy.ofWattHours(1_000), Energy.ofWattHours(40_000), Power.ofWatts(3_000), Power.ZERO,
                org.aems.core.unit.Efficiency.of(1));
        BankProblem problem = bank(yen("10", "30"), yen("5", "5"),
                feeder("f1", limits(0.4, 100), kwh(-1.5, 1), List.of(battery("b1", 5, 1, 1, 0)), List.of(ev)));

        BankPlan plan = new BaselinePlanner().plan(problem);

        FeederSchedule f1 = plan.feeders().get(0);
        assertThat(f1.storage().get(0).setpoints()).containsExactly(Power.ofWatts(2_000), Power.ofWatts(-2_000));
        assertThat(f1.evs().get(0).setpoints()).containsExactly(Power.ZERO, Power.ofWatts(2_000));
        // slot 1: −1.5 + 1 = −0.5 (0.1 over the 0.4 limit); slot 2: 1 + 1 (EV) − 1 (battery) = 1
        assertThat(f1.net()).containsExactly(Energy.ofWattHours(-500), Energy.ofWattHours(1_000));
        assertThat(plan.breaches()).singleElement().satisfies(b -> assertThat(b.excess()).isEqualTo(Energy.ofWattHours(100)));
        // −0.5 x 5 + 1 x 30 + breach 0.1 x 1,000 + cycling 0.25 x 2 = 128.0 yen
        assertThat(plan.objective().amount().doubleValue()).isCloseTo(128.0, within(1e-6));
    }

    private static long excess(BankPlan plan) {
        return plan.breaches().stream().mapToLong(b -> b.excess().wattHours()).sum();
    }

    private static final class RecordingAlerts implements AlertSink {
        final List<Alert> raised = new ArrayList<>();
        final List<String> resolved = new ArrayList<>();

        @Override
        public void raise(Alert alert) {
            raised.add(alert);
        }

        @Override
        public void resolve(AlertKind kind, String subject, Instant at) {
            if (raised.stream().anyMatch(a -> a.kind() == kind && a.subject().equals(subject))) {
                resolved.add(kind + " " + subject);
            }
        }
    }
}
