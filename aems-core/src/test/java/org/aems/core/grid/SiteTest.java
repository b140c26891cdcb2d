package org.aems.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

class SiteTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final Validity ALWAYS = Validity.from(FROM);

    static Site site(String id, Asset... assets) {
        return new Site(SiteId.of(id), "Site " + id, SiteKind.HOUSEHOLD, SupplyPointNumber.of("0312345678901234567890"),
                ALWAYS, EffectiveHistory.of(BuybackStatus.SOTSU_FIT_OURS, FROM), List.of(assets));
    }

    static PvArray pv(String id, long peakWatts) {
        return new PvArray(DeviceId.of(id), ALWAYS, true, Power.ofWatts(peakWatts), Power.ofWatts(peakWatts), 30, 180);
    }

    private static Battery battery(String id) {
        return new Battery(DeviceId.of(id), ALWAYS, true, Energy.ofKilowattHours(10), Power.ofKilowatts(5),
                Power.ofKilowatts(5), Efficiency.of(0.95), Efficiency.of(0.95));
    }

    @Test
    void findsAssetsByIdAndType() {
        Site home = site("home-1", pv("pv-1", 4000), battery("bat-1"), pv("pv-2", 1500));
        assertThat(home.asset(DeviceId.of("bat-1"))).containsInstanceOf(Battery.class);
        assertThat(home.asset(DeviceId.of("nope"))).isEmpty();
        assertThat(home.assetsOf(PvArray.class)).extracting(PvArray::id)
                .containsExactly(DeviceId.of("pv-1"), DeviceId.of("pv-2"));
        assertThat(home.assetsOf(EvCharger.class)).isEmpty();
    }

    @Test
    void pvPeakPowerSumsEveryArray() {
        assertThat(site("home-1", pv("pv-1", 4000), pv("pv-2", 1500)).pvPeakPower()).isEqualTo(Power.ofWatts(5500));
        assertThat(site("home-2").pvPeakPower()).isEqualTo(Power.ZERO);
    }

    @Test
    void rejectsTwoAssetsWithTheSameId() {
        assertThatThrownBy(() -> site("home-1", pv("dev-1", 4000), battery("dev-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("site home-1 has two assets with id dev-1");
    }
}
