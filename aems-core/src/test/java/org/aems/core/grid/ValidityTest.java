package org.aems.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidityTest {

    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @Test
    void includesFromAndExcludesUntil() {
        Validity v = Validity.between(APR_1, OCT_1);
        assertThat(v.contains(APR_1)).isTrue();
        assertThat(v.contains(OCT_1.minusDays(1))).isTrue();
        assertThat(v.contains(OCT_1)).isFalse();
        assertThat(v.contains(APR_1.minusDays(1))).isFalse();
    }

    @Test
    void openEndedValidityNeverEnds() {
        Validity v = Validity.from(APR_1);
        assertThat(v.isOpenEnded()).isTrue();
        assertThat(v.contains(LocalDate.of(2099, 12, 31))).isTrue();
    }

    @Test
    void rejectsUntilNotAfterFrom() {
        assertThatThrownBy(() -> Validity.between(APR_1, APR_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validity until (2026-04-01, exclusive) must be after from (2026-04-01)");
        assertThatThrownBy(() -> Validity.between(null, APR_1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void adjacentPeriodsDoNotOverlap() {
        Validity first = Validity.between(APR_1, OCT_1);
        assertThat(first.overlaps(Validity.from(OCT_1))).isFalse();
        assertThat(Validity.from(OCT_1).overlaps(first)).isFalse();
        assertThat(first.overlaps(Validity.from(OCT_1.minusDays(1)))).isTrue();
        assertThat(Validity.from(APR_1).overlaps(Validity.from(OCT_1))).isTrue();
    }
}
