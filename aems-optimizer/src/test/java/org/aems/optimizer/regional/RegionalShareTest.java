package org.aems.optimizer.regional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.aems.core.grid.BankId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.regional.RegionalShare.BankSlot;
import org.aems.optimizer.regional.RegionalShare.OtherBank;
import org.junit.jupiter.api.Test;

/** Hand-computed shares of the balancing group's forced deviation (issue #5, scale-out: the regional step). */
class RegionalShareTest {

    static final Slot S1 = Slot.parse("2026-05-12#25");
    static final Slot S2 = S1.next();

    @Test
    void aBankWithoutStorageThatImports40KwhMoreThanPlannedIsCoveredByTheOthersInProportionToTheirStoragePower() {
        // Bank C has no storage and its newest plan imports 40 kWh more than its plan in force at 12:00. A (30 kW) and B
        // (10 kW) share it 3:1: A is asked for −30 kWh, B for −10 kWh; together the balancing group is back on plan.
        OtherBank c = new OtherBank(BankId.of("c"), 0, Map.of(S1, new BankSlot(100_000, 140_000, 0)));
        OtherBank b = new OtherBank(BankId.of("b"), 10_000, Map.of());
        OtherBank a = new OtherBank(BankId.of("a"), 30_000, Map.of());
        assertThat(RegionalShare.shifts(30_000, List.of(S1), List.of(b, c))).containsExactly(Energy.ofWattHours(-15_000));
        assertThat(RegionalShare.shifts(10_000, List.of(S1), List.of(a, c))).containsExactly(Energy.ofWattHours(-5_000));
    }

    @Test
    void theShareIsCappedAtWhatTheBanksStorageMovesInHalfAnHour() {
        // 40 kWh forced, one other bank with 30 kW: it can move 15 kWh in a slot, not 40.
        OtherBank c = new OtherBank(BankId.of("c"), 0, Map.of(S1, new BankSlot(100_000, 140_000, 0)));
        assertThat(RegionalShare.shifts(30_000, List.of(S1), List.of(c))).containsExactly(Energy.ofWattHours(-15_000));
        OtherBank small = new OtherBank(BankId.of("c"), 0, Map.of(S1, new BankSlot(100_000, 110_000, 0)));
        assertThat(RegionalShare.shifts(30_000, List.of(S1), List.of(small))).containsExactly(Energy.ofWattHours(-10_000));
    }

    @Test
    void aShiftABankWasAskedForAndFollowedIsNoDeviationButWhatItCouldNotFollowIs() {
        // B was asked for −20 kWh at 12:00 and its newest plan does it: nothing to share. At 12:30 it managed only −12 kWh
        // of its −20: the remaining +8 kWh goes to this bank, the only other one.
        OtherBank b = new OtherBank(BankId.of("b"), 10_000, Map.of(
                S1, new BankSlot(50_000, 30_000, -20_000),
                S2, new BankSlot(50_000, 38_000, -20_000)));
        assertThat(RegionalShare.shifts(40_000, List.of(S1, S2), List.of(b)))
                .containsExactly(Energy.ofWattHours(0), Energy.ofWattHours(-8_000));
    }

    @Test
    void exportBelowPlanIsCoveredByChargingLessAndASlotWithoutNewsIsNotShifted() {
        // C exports 6 kWh less than planned (newest −14 kWh against −20 kWh in force): its net is 6 kWh above plan, so this
        // bank lowers its own net by 6 kWh (charges less or discharges more). 12:30 has no newer plan of C: no shift.
        OtherBank c = new OtherBank(BankId.of("c"), 0, Map.of(S1, new BankSlot(-20_000, -14_000, 0)));
        assertThat(RegionalShare.shifts(20_000, List.of(S1, S2), List.of(c)))
                .containsExactly(Energy.ofWattHours(-6_000), Energy.ofWattHours(0));
        // A surplus the other way round: C imports 6 kWh less than planned, this bank draws 6 kWh more (charges).
        OtherBank under = new OtherBank(BankId.of("c"), 0, Map.of(S1, new BankSlot(30_000, 24_000, 0)));
        assertThat(RegionalShare.shifts(20_000, List.of(S1), List.of(under))).containsExactly(Energy.ofWattHours(6_000));
    }

    @Test
    void aBankWithoutStorageOrAloneIsNeverShiftedAndNothingIsSharedWhenNoOtherBankHasStorage() {
        OtherBank c = new OtherBank(BankId.of("c"), 0, Map.of(S1, new BankSlot(100_000, 140_000, 0)));
        assertThat(RegionalShare.shifts(0, List.of(S1), List.of(c))).containsExactly(Energy.ofWattHours(0));
        assertThat(RegionalShare.shifts(30_000, List.of(S1), List.of())).containsExactly(Energy.ofWattHours(0));
        // A's own forced deviation is not shared with A, and B (the only one with storage) cannot share its own.
        OtherBank b = new OtherBank(BankId.of("b"), 10_000, Map.of(S1, new BankSlot(0, 5_000, 0)));
        assertThat(RegionalShare.shifts(0, List.of(S1), List.of(b))).containsExactly(Energy.ofWattHours(0));
        assertThatThrownBy(() -> new OtherBank(BankId.of("x"), -1, Map.of())).hasMessage("bank x: storage power must be >= 0 W, was -1");
    }
}
