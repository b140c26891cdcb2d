package org.aems.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveHistoryTest {

    private static final LocalDate FIT_END = LocalDate.of(2026, 4, 1);

    private final EffectiveHistory<BuybackStatus> history = new EffectiveHistory<>(List.of(
            new Effective<>(Validity.from(FIT_END), BuybackStatus.SOTSU_FIT_OURS),
            new Effective<>(Validity.between(LocalDate.of(2016, 4, 1), FIT_END), BuybackStatus.FIT)));

    @Test
    void sortsEntriesByFrom() {
        assertThat(history.entries()).extracting(Effective::value)
                .containsExactly(BuybackStatus.FIT, BuybackStatus.SOTSU_FIT_OURS);
    }

    @Test
    void answersTheValueInForceOnADay() {
        assertThat(history.at(FIT_END.minusDays(1))).contains(BuybackStatus.FIT);
        assertThat(history.at(FIT_END)).contains(BuybackStatus.SOTSU_FIT_OURS);
        assertThat(history.at(LocalDate.of(2010, 1, 1))).isEmpty();
    }

    @Test
    void aGapHasNoValue() {
        EffectiveHistory<String> gappy = new EffectiveHistory<>(List.of(
                new Effective<>(Validity.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)), "a"),
                new Effective<>(Validity.from(LocalDate.of(2026, 3, 1)), "b")));
        assertThat(gappy.at(LocalDate.of(2026, 2, 15))).isEmpty();
        assertThat(EffectiveHistory.<String>empty().at(LocalDate.of(2026, 2, 15))).isEmpty();
    }

    @Test
    void rejectsOverlappingEntriesNamingTheirDates() {
        List<Effective<String>> overlapping = List.of(
                new Effective<>(Validity.from(LocalDate.of(2024, 1, 1)), "old"),
                new Effective<>(Validity.from(LocalDate.of(2024, 6, 1)), "new"));
        assertThatThrownBy(() -> new EffectiveHistory<>(overlapping))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entries from 2024-01-01 and from 2024-06-01 overlap; end the earlier one (until) on or before 2024-06-01");
    }

    @Test
    void currentUsesTheJstDate() {
        // 2026-03-31T15:00Z is already 2026-04-01 in Japan
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T15:00:00Z"), ZoneOffset.UTC);
        assertThat(history.current(clock)).contains(BuybackStatus.SOTSU_FIT_OURS);
        assertThat(history.current(Clock.offset(clock, java.time.Duration.ofSeconds(-1)))).contains(BuybackStatus.FIT);
    }

    @Test
    void ofIsOneOpenEndedEntry() {
        EffectiveHistory<String> single = EffectiveHistory.of("x", FIT_END);
        assertThat(single.entries()).containsExactly(new Effective<>(Validity.from(FIT_END), "x"));
        assertThat(single.at(FIT_END.plusYears(50))).contains("x");
    }
}
