package org.aems.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Ratio;
import org.junit.jupiter.api.Test;

class LocalConsumptionTest {

    private static final Slot A = Slot.of(LocalDate.of(2026, 5, 12), 25);
    private static final Slot B = A.next();

    private static SlotEnergy slot(Slot slot, long generationKwh, long demandKwh) {
        return new SlotEnergy(slot, Energy.ofWattHours(generationKwh * 1000), Energy.ofWattHours(demandKwh * 1000));
    }

    @Test
    void localUseIsTakenPerSlotNotNettedOverThePeriod() {
        // netted, 10 kWh generated against 10 kWh demand would look like 100 %; per slot only 4 kWh is used locally
        LocalConsumptionKpi kpi = LocalConsumption.of(List.of(slot(A, 10, 4), slot(B, 0, 6)));
        assertThat(kpi.generation()).isEqualTo(Energy.ofWattHours(10_000));
        assertThat(kpi.demand()).isEqualTo(Energy.ofWattHours(10_000));
        assertThat(kpi.localUse()).isEqualTo(Energy.ofWattHours(4_000));
        assertThat(kpi.localConsumptionRatio()).contains(new Ratio(new BigDecimal("0.4")));
        assertThat(kpi.selfSufficiencyRatio()).contains(new Ratio(new BigDecimal("0.4")));
        assertThat(kpi.localConsumptionRatio().orElseThrow().value()).isEqualTo(new BigDecimal("0.400000"));
    }

    @Test
    void ratiosDifferWhenGenerationAndDemandDiffer() {
        LocalConsumptionKpi kpi = LocalConsumption.of(List.of(slot(A, 3, 1), slot(B, 1, 5)));
        assertThat(kpi.localUse()).isEqualTo(Energy.ofWattHours(2_000));
        assertThat(kpi.localConsumptionRatio()).contains(new Ratio(new BigDecimal("0.5")));
        assertThat(kpi.selfSufficiencyRatio()).contains(new Ratio(new BigDecimal("0.333333")));
    }

    @Test
    void ratiosAreEmptyWhenTheirDenominatorIsZero() {
        LocalConsumptionKpi night = LocalConsumption.of(List.of(slot(A, 0, 5)));
        assertThat(night.localConsumptionRatio()).isEmpty();
        assertThat(night.selfSufficiencyRatio()).contains(new Ratio(BigDecimal.ZERO));
        LocalConsumptionKpi nothing = LocalConsumption.of(List.of());
        assertThat(nothing.localConsumptionRatio()).isEmpty();
        assertThat(nothing.selfSufficiencyRatio()).isEmpty();
        assertThat(nothing.localUse()).isEqualTo(Energy.ZERO);
    }

    @Test
    void rejectsASlotGivenTwice() {
        assertThatThrownBy(() -> LocalConsumption.of(List.of(slot(A, 1, 1), slot(A, 2, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slot 2026-05-12#25 appears twice; give one value per slot");
    }

    @Test
    void rejectsNegativeGenerationOrDemand() {
        assertThatThrownBy(() -> new SlotEnergy(A, Energy.ofWattHours(-1), Energy.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generation and demand must be >= 0 in slot 2026-05-12#25, were -0.001 kWh and 0 kWh");
    }
}
