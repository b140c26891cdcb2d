package org.aems.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SlotRangeTest {

    private static final LocalDate MAY_12 = LocalDate.of(2026, 5, 12);

    @Test
    void aDayHasFortyEightSlots() {
        SlotRange day = SlotRange.day(MAY_12);
        List<Slot> iterated = new ArrayList<>();
        day.forEach(iterated::add);
        assertThat(iterated).hasSize(48).startsWith(Slot.of(MAY_12, 1)).endsWith(Slot.of(MAY_12, 48));
        assertThat(day.stream()).hasSize(48);
        assertThat(day.size()).isEqualTo(48);
        assertThat(day.start()).isEqualTo(Instant.parse("2026-05-11T15:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-05-12T15:00:00Z"));
    }

    @Test
    void iteratesAcrossMidnight() {
        SlotRange range = SlotRange.of(Slot.of(MAY_12, 47), Slot.of(MAY_12.plusDays(1), 2));
        assertThat(range).containsExactly(Slot.of(MAY_12, 47), Slot.of(MAY_12, 48),
                Slot.of(MAY_12.plusDays(1), 1), Slot.of(MAY_12.plusDays(1), 2));
        assertThat(range.size()).isEqualTo(4);
    }

    @Test
    void singleSlotRangeIteratesOnceThenStops() {
        Slot s = Slot.of(MAY_12, 10);
        Iterator<Slot> it = SlotRange.of(s, s).iterator();
        assertThat(it.next()).isEqualTo(s);
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void coveringTakesEverySlotOverlappingAHalfOpenInterval() {
        Instant midnight = Instant.parse("2026-05-11T15:00:00Z");
        assertThat(SlotRange.covering(midnight, midnight.plusSeconds(3600)))
                .isEqualTo(SlotRange.of(Slot.of(MAY_12, 1), Slot.of(MAY_12, 2)));
        assertThat(SlotRange.covering(midnight.plusSeconds(600), midnight.plusSeconds(2400)))
                .isEqualTo(SlotRange.of(Slot.of(MAY_12, 1), Slot.of(MAY_12, 2)));
        assertThat(SlotRange.covering(midnight.minusSeconds(1), midnight.plusSeconds(1)))
                .isEqualTo(SlotRange.of(Slot.of(MAY_12.minusDays(1), 48), Slot.of(MAY_12, 1)));
    }

    @Test
    void coveringRejectsAnEmptyInterval() {
        Instant t = Instant.parse("2026-05-11T15:00:00Z");
        assertThatThrownBy(() -> SlotRange.covering(t, t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must not be empty: from 2026-05-11T15:00:00Z to 2026-05-11T15:00:00Z");
    }

    @Test
    void rejectsARangeEndingBeforeItStarts() {
        assertThatThrownBy(() -> SlotRange.of(Slot.of(MAY_12, 2), Slot.of(MAY_12, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slot range must not end (2026-05-12#1) before it starts (2026-05-12#2)");
    }

    @Test
    void containsBothEnds() {
        SlotRange range = SlotRange.of(Slot.of(MAY_12, 10), Slot.of(MAY_12, 12));
        assertThat(range.contains(Slot.of(MAY_12, 10))).isTrue();
        assertThat(range.contains(Slot.of(MAY_12, 12))).isTrue();
        assertThat(range.contains(Slot.of(MAY_12, 13))).isFalse();
        assertThat(range.contains(Slot.of(MAY_12.minusDays(1), 11))).isFalse();
    }
}
