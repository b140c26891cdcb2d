package org.aems.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.aems.core.unit.YenPerKwh;
import org.junit.jupiter.api.Test;

class VersionedSeriesTest {

    private static final SeriesId IMBALANCE = new SeriesId("imbalance.tokyo");
    private static final Instant T0 = Instant.parse("2026-05-12T03:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1800);
    private static final Instant T2 = T1.plusSeconds(1800);

    private static final SeriesVersion PRELIMINARY =
            new SeriesVersion(IMBALANCE, 1, Instant.parse("2026-05-12T06:00:00Z"), "OCCTO preliminary");
    private static final SeriesVersion FINAL =
            new SeriesVersion(IMBALANCE, 2, Instant.parse("2026-06-01T00:00:00Z"), "OCCTO final");

    private static SeriesValue<YenPerKwh> value(Instant from, Instant until, String price, SeriesVersion version) {
        return new SeriesValue<>(from, until, YenPerKwh.of(price), version);
    }

    private final VersionedSeries<YenPerKwh> series = VersionedSeries.<YenPerKwh>empty(IMBALANCE)
            .withVersion(PRELIMINARY, List.of(value(T0, T1, "12.00", PRELIMINARY), value(T1, T2, "14.00", PRELIMINARY)))
            .withVersion(FINAL, List.of(value(T1, T2, "15.50", FINAL)));

    @Test
    void theNewestVersionCoveringAnInstantWins() {
        assertThat(series.valueAt(T1.plusSeconds(60))).get()
                .satisfies(v -> {
                    assertThat(v.value()).isEqualTo(YenPerKwh.of("15.5"));
                    assertThat(v.version()).isEqualTo(FINAL);
                });
    }

    @Test
    void earlierVersionsStillAnswerWhereNewerOnesSayNothing() {
        assertThat(series.valueAt(T0)).get().extracting(SeriesValue::version).isEqualTo(PRELIMINARY);
        assertThat(series.valueAt(T2)).isEmpty();
        assertThat(series.valueAt(T0.minusNanos(1))).isEmpty();
    }

    @Test
    void asKnownAtIgnoresVersionsPublishedLater() {
        Instant beforeFinal = FINAL.publishedAt().minusSeconds(1);
        assertThat(series.valueAt(T1, beforeFinal)).get().extracting(SeriesValue::value).isEqualTo(YenPerKwh.of("14"));
        assertThat(series.valueAt(T1, FINAL.publishedAt())).get().extracting(SeriesValue::value).isEqualTo(YenPerKwh.of("15.5"));
        assertThat(series.valueAt(T1, PRELIMINARY.publishedAt().minusSeconds(1))).isEmpty();
    }

    @Test
    void addingAVersionLeavesTheOriginalUnchanged() {
        VersionedSeries<YenPerKwh> first = VersionedSeries.<YenPerKwh>empty(IMBALANCE)
                .withVersion(PRELIMINARY, List.of(value(T1, T2, "14.00", PRELIMINARY)));
        first.withVersion(FINAL, List.of(value(T1, T2, "15.50", FINAL)));
        assertThat(first.valueAt(T1)).get().extracting(SeriesValue::version).isEqualTo(PRELIMINARY);
        assertThat(first.versions()).containsExactly(PRELIMINARY);
        assertThat(series.latestVersion()).contains(FINAL);
    }

    @Test
    void versionNumbersMustIncrease() {
        SeriesVersion stale = new SeriesVersion(IMBALANCE, 2, FINAL.publishedAt().plusSeconds(1), "again");
        assertThatThrownBy(() -> series.withVersion(stale, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series imbalance.tokyo version 2 must be > 2, the latest");
    }

    @Test
    void aVersionMustNotBePublishedBeforeTheLatest() {
        SeriesVersion backdated = new SeriesVersion(IMBALANCE, 3, PRELIMINARY.publishedAt(), "backdated");
        assertThatThrownBy(() -> series.withVersion(backdated, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series imbalance.tokyo version 3 published at 2026-05-12T06:00:00Z must not be before"
                        + " version 2 (2026-06-01T00:00:00Z)");
    }

    @Test
    void rejectsValuesOfAnotherVersionOrSeriesAndOverlapsWithinAVersion() {
        VersionedSeries<YenPerKwh> empty = VersionedSeries.empty(IMBALANCE);
        assertThatThrownBy(() -> empty.withVersion(PRELIMINARY, List.of(value(T0, T1, "1", FINAL))))
                .hasMessage("value from 2026-05-12T03:00:00Z carries version 2, not 1");
        SeriesVersion spot = new SeriesVersion(new SeriesId("jepx.spot.tokyo"), 1, T0, "JEPX");
        assertThatThrownBy(() -> empty.withVersion(spot, List.of()))
                .hasMessage("version of series jepx.spot.tokyo added to series imbalance.tokyo");
        assertThatThrownBy(() -> empty.withVersion(PRELIMINARY,
                List.of(value(T0, T2, "1", PRELIMINARY), value(T1, T2, "2", PRELIMINARY))))
                .hasMessage("series imbalance.tokyo version 1 has overlapping values: [2026-05-12T03:00:00Z, 2026-05-12T04:00:00Z)"
                        + " and [2026-05-12T03:30:00Z, 2026-05-12T04:00:00Z)");
    }

    @Test
    void aSeriesValueCoversAHalfOpenPeriod() {
        SeriesValue<YenPerKwh> v = value(T0, T1, "1", PRELIMINARY);
        assertThat(v.covers(T0)).isTrue();
        assertThat(v.covers(T1)).isFalse();
        assertThatThrownBy(() -> value(T1, T1, "1", PRELIMINARY))
                .hasMessage("series value period must not be empty: from 2026-05-12T03:30:00Z until 2026-05-12T03:30:00Z");
    }
}
