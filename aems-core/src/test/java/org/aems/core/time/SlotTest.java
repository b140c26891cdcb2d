package org.aems.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SlotTest {

    private static final LocalDate MAY_12 = LocalDate.of(2026, 5, 12);

    @Test
    void slotOneStartsAtMidnightJst() {
        Slot first = Slot.of(MAY_12, 1);
        assertThat(first.start()).isEqualTo(Instant.parse("2026-05-11T15:00:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2026-05-11T15:30:00Z"));
        assertThat(first.startLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void midnightJstBelongsToSlotOneOfTheNewDay() {
        assertThat(Slot.containing(Instant.parse("2026-05-11T15:00:00Z"))).isEqualTo(Slot.of(MAY_12, 1));
        assertThat(Slot.containing(Instant.parse("2026-05-11T14:59:59.999999999Z")))
                .isEqualTo(Slot.of(MAY_12.minusDays(1), 48));
    }

    @Test
    void aSlotIncludesItsStartAndExcludesItsEnd() {
        assertThat(Slot.containing(Instant.parse("2026-05-11T15:29:59.999Z"))).isEqualTo(Slot.of(MAY_12, 1));
        assertThat(Slot.containing(Instant.parse("2026-05-11T15:30:00Z"))).isEqualTo(Slot.of(MAY_12, 2));
        assertThat(Slot.containing(Instant.parse("2026-05-12T03:00:00Z"))).isEqualTo(Slot.of(MAY_12, 25));
    }

    @Test
    void slotTwentyFiveStartsAtNoonJst() {
        Slot noon = Slot.of(MAY_12, 25);
        assertThat(noon.startLocalTime()).isEqualTo(LocalTime.NOON);
        assertThat(noon.start()).isEqualTo(Instant.parse("2026-05-12T03:00:00Z"));
        assertThat(Duration.between(noon.start(), noon.end())).isEqualTo(Slot.DURATION);
    }

    @Test
    void gateClosesOneHourBeforeSlotStart() {
        Slot noon = Slot.of(MAY_12, 25);
        assertThat(noon.gateClosure()).isEqualTo(Instant.parse("2026-05-12T02:00:00Z"));
        assertThat(noon.isGateClosedAt(Instant.parse("2026-05-12T01:59:59Z"))).isFalse();
        assertThat(noon.isGateClosedAt(Instant.parse("2026-05-12T02:00:00Z"))).isTrue();
        assertThat(Slot.of(MAY_12, 1).gateClosure()).isEqualTo(Instant.parse("2026-05-11T14:00:00Z"));
    }

    @Test
    void nextOfSlotFortyEightIsSlotOneOfTheNextDay() {
        assertThat(Slot.of(MAY_12, 48).next()).isEqualTo(Slot.of(MAY_12.plusDays(1), 1));
        assertThat(Slot.of(LocalDate.of(2026, 12, 31), 48).next()).isEqualTo(Slot.of(LocalDate.of(2027, 1, 1), 1));
        assertThat(Slot.of(MAY_12, 48).end()).isEqualTo(Slot.of(MAY_12.plusDays(1), 1).start());
    }

    @Test
    void previousOfSlotOneIsSlotFortyEightOfThePreviousDay() {
        assertThat(Slot.of(MAY_12, 1).previous()).isEqualTo(Slot.of(MAY_12.minusDays(1), 48));
        assertThat(Slot.of(MAY_12, 2).previous()).isEqualTo(Slot.of(MAY_12, 1));
    }

    @Test
    void plusAndUntilCountSlotsAcrossDays() {
        Slot s = Slot.of(MAY_12, 47);
        assertThat(s.plus(0)).isEqualTo(s);
        assertThat(s.plus(3)).isEqualTo(Slot.of(MAY_12.plusDays(1), 2));
        assertThat(s.plus(-47)).isEqualTo(Slot.of(MAY_12.minusDays(1), 48));
        assertThat(s.plus(48)).isEqualTo(Slot.of(MAY_12.plusDays(1), 47));
        assertThat(Slot.of(MAY_12, 1).until(Slot.of(MAY_12.plusDays(1), 1))).isEqualTo(48);
        assertThat(Slot.of(MAY_12, 2).until(Slot.of(MAY_12, 1))).isEqualTo(-1);
        assertThat(s.until(s.plus(1000))).isEqualTo(1000);
    }

    @Test
    void ordersByTime() {
        assertThat(Slot.of(MAY_12, 48)).isLessThan(Slot.of(MAY_12.plusDays(1), 1));
        assertThat(Slot.of(MAY_12, 2)).isGreaterThan(Slot.of(MAY_12, 1));
    }

    @Test
    void printsAndParsesDateHashIndex() {
        Slot s = Slot.of(MAY_12, 25);
        assertThat(s).hasToString("2026-05-12#25");
        assertThat(Slot.parse("2026-05-12#25")).isEqualTo(s);
        assertThat(Slot.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> Slot.parse("2026-05-12 25"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slot must look like 2026-05-12#25, was '2026-05-12 25'");
        assertThatThrownBy(() -> Slot.parse("2026-05-12#x"))
                .hasMessage("slot must look like 2026-05-12#25, was '2026-05-12#x'");
        assertThatThrownBy(() -> Slot.parse("2026-05-12#49"))
                .hasMessage("slot must look like 2026-05-12#25, was '2026-05-12#49'");
    }

    @Test
    void rejectsIndexOutsideOneToFortyEight() {
        assertThatThrownBy(() -> Slot.of(MAY_12, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slot index must be within 1..48, was 0");
        assertThatThrownBy(() -> Slot.of(MAY_12, 49)).hasMessage("slot index must be within 1..48, was 49");
    }

    @Test
    void containingAndStartAgreeForEverySlotOfADay() {
        for (int i = 1; i <= Slot.SLOTS_PER_DAY; i++) {
            Slot s = Slot.of(MAY_12, i);
            assertThat(Slot.containing(s.start())).isEqualTo(s);
            assertThat(Slot.containing(s.end().minusNanos(1))).isEqualTo(s);
        }
    }
}
