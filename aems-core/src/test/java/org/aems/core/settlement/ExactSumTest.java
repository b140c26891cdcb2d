package org.aems.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;
import org.junit.jupiter.api.Test;

/** The long-based sum of a run equals, value and scale, the BigDecimal sum of the slot amounts the API shows. */
class ExactSumTest {

    @Test
    void equalsTheBigDecimalSumOfSlotAmountsInValueAndScale() {
        Random random = new Random(6);
        for (int round = 0; round < 2_000; round++) {
            ExactSum fast = new ExactSum();
            Yen slow = Yen.ZERO;
            int lines = random.nextInt(60);
            for (int i = 0; i < lines; i++) {
                long wh = random.nextInt(10) == 0 ? random.nextLong() >>> random.nextInt(1, 40) : random.nextInt(5_000);
                YenPerKwh price = price(random);
                fast.add(wh, price);
                slow = slow.plus(Energy.ofWattHours(wh).times(price));
            }
            BigDecimal expected = slow.amount();
            assertThat(fast.value()).as("round %d", round).isEqualTo(expected);
            assertThat(fast.value().scale()).isEqualTo(expected.scale());
        }
    }

    @Test
    void anEmptySumIsZeroWithScaleZeroLikeYenZero() {
        assertThat(new ExactSum().value()).isEqualTo(Yen.ZERO.amount());
    }

    private static YenPerKwh price(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> YenPerKwh.of("8.5");
            case 1 -> YenPerKwh.of(BigDecimal.valueOf(random.nextInt(30_000), random.nextInt(0, 7)));
            case 2 -> YenPerKwh.of(new BigDecimal("123456789012345678901234.5"));     // does not fit a long
            case 3 -> YenPerKwh.of(BigDecimal.valueOf(random.nextInt(300), random.nextInt(10, 16)));
            default -> YenPerKwh.of("0.01");
        };
    }
}
