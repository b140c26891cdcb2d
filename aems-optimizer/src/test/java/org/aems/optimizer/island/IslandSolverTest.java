package org.aems.optimizer.island;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.aems.core.grid.FeederId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.optimizer.model.StorageUnit;
import org.junit.jupiter.api.Test;

/** Islanded feeders on hand-sized instances whose answer is worked out by hand. #5 "Islanded mode" */
class IslandSolverTest {

    private static final List<Slot> EIGHT = IntStream.range(0, 8).mapToObj(t -> Slot.of(LocalDate.of(2026, 9, 1), 37).plus(t)).toList();

    @Test
    void aShelterRunsOnItsBatteryForAsLongAsTheEnergyLastsAndTheRestIsShed() {
        // 10 kWh stored, lossless; the shelter needs 2 kWh a slot, the homes 1 kWh: 10 / 2 = 5 slots = 2.5 h.
        IslandPlan plan = new IslandSolver().solve(problem(kwh(2), kwh(1), Energy.ZERO, battery("bat", 10, 10, 5), 0)).orElseThrow();

        assertThat(plan.autonomy()).isEqualTo(Duration.ofMinutes(150));
        assertThat(plan.criticalServedThroughout()).isFalse();
        assertThat(plan.criticalServed().subList(0, 5)).containsOnly(kwh(2));
        assertThat(plan.criticalServed().subList(5, 8)).containsOnly(Energy.ZERO);
        // Serving the homes would shorten the shelter's supply: they get nothing.
        assertThat(plan.otherServed()).containsOnly(Energy.ZERO);
        assertThat(plan.storage().get(0).setpoints().subList(0, 5)).containsOnly(Power.ofWatts(-4_000));
    }

    @Test
    void pvCoversTheShelterAndTheHomesByDayAndIsHeldToTheLoadWithNoExport() {
        // 5 kWh of PV a slot, battery full: the 3 kWh of load is served every slot and PV is used only up to it.
        IslandPlan plan = new IslandSolver().solve(problem(kwh(2), kwh(1), kwh(5), battery("bat", 10, 10, 5), 0)).orElseThrow();

        assertThat(plan.criticalServedThroughout()).isTrue();
        assertThat(plan.autonomy()).isEqualTo(Duration.ofHours(4));
        assertThat(plan.otherServed()).containsOnly(kwh(1));
        assertThat(plan.pvUsed()).containsOnly(kwh(3));
    }

    @Test
    void theGridFormingBatteryKeepsHeadroomSoItCannotCarryTheFullLoad() {
        // 4 kW = 2 kWh a slot at most; a headroom of 50 % of the load served leaves 2 / 1.5 = 1.333 kWh for a 2 kWh shelter.
        IslandPlan plan = new IslandSolver().solve(problem(kwh(2), Energy.ZERO, Energy.ZERO, battery("bat", 40, 40, 4), 0.5)).orElseThrow();

        assertThat(plan.autonomy()).isEqualTo(Duration.ZERO);
        assertThat(plan.criticalServed()).containsOnly(Energy.ofWattHours(1_333));
    }

    private static IslandProblem problem(Energy critical, Energy other, Energy pv, StorageUnit battery, double headroom) {
        return new IslandProblem(FeederId.of("f1"), EIGHT, Collections.nCopies(8, critical), Collections.nCopies(8, other),
                Collections.nCopies(8, pv), List.of(battery), battery.id(), headroom);
    }

    private static StorageUnit battery(String id, double capacityKwh, double storedKwh, double kw) {
        return new StorageUnit(id, kwh(capacityKwh), Power.ofKilowatts(kw), Power.ofKilowatts(kw), Efficiency.of(1.0), Efficiency.of(1.0),
                kwh(storedKwh), Energy.ZERO);
    }

    private static Energy kwh(double kwh) {
        return Energy.ofKilowattHours(kwh);
    }
}
