package org.aems.core.settlement;

import static org.aems.core.settlement.Fixtures.SITE;
import static org.aems.core.settlement.Fixtures.contract;
import static org.aems.core.settlement.Fixtures.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;
import org.junit.jupiter.api.Test;

/** Statements that mix certified values (the data of record) and gateway intervals. #6 */
class CertifiedLinesTest {

    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    static final YenPerKwh TEN = YenPerKwh.of("10");

    @Test
    void countsCertifiedLinesAsMeasuredAndTheRestAsGateway() {
        StatementAccumulator acc = accumulator();
        acc.add(Slot.of(MAY_1, 1), 250, TEN, IntervalQuality.MEASURED, ValueSource.CERTIFIED);
        acc.add(Slot.of(MAY_1, 2), 100, TEN, IntervalQuality.MEASURED);
        acc.add(Slot.of(MAY_1, 3), 100, TEN, IntervalQuality.ESTIMATED);

        QualityCounts q = acc.statement().quality();
        assertThat(q).isEqualTo(new QualityCounts(2, 1, 31 * 48 - 3, 1));
        assertThat(q.gateway()).isEqualTo(2);
        assertThat(acc.hasLine(Slot.of(MAY_1, 1))).isTrue();
        assertThat(acc.hasLine(Slot.of(MAY_1, 4))).isFalse();
        assertThat(acc.hasLine(Slot.of(LocalDate.of(2026, 6, 1), 1))).as("outside the segment").isFalse();
    }

    @Test
    void aCertifiedValueEqualToTheGatewayValueStillChangesTheDigestAndGatewayDigestsStayAsTheyWere() {
        StatementAccumulator gateway = accumulator();
        gateway.add(Slot.of(MAY_1, 1), 100, TEN, IntervalQuality.MEASURED);
        StatementAccumulator certified = accumulator();
        certified.add(Slot.of(MAY_1, 1), 100, TEN, IntervalQuality.MEASURED, ValueSource.CERTIFIED);

        assertThat(certified.statement().amount()).isEqualTo(gateway.statement().amount());
        assertThat(certified.statement().lineDigest()).isNotEqualTo(gateway.statement().lineDigest());
        assertThat(gateway.statement().lineDigest())
                .isEqualTo(LineDigest.of(Slot.of(MAY_1, 1), 100, TEN, IntervalQuality.MEASURED));
    }

    @Test
    void refusesACertifiedValueThatIsNotMeasured() {
        assertThatThrownBy(() -> accumulator().add(Slot.of(MAY_1, 1), 100, TEN, IntervalQuality.ESTIMATED, ValueSource.CERTIFIED))
                .hasMessageContaining("must be MEASURED");
        assertThatThrownBy(() -> new QualityCounts(1, 0, 0, 2)).hasMessageContaining("certified <= measured");
    }

    private static StatementAccumulator accumulator() {
        return new StatementAccumulator(SITE, PurchaseStatementTest.segment(
                contract("c-1", 1, "2026-01-01", null, fixed("10"), TaxTreatment.TAX_INCLUSIVE)));
    }
}
