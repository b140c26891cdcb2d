package org.aems.optimizer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.aems.core.time.Slot;
import org.junit.jupiter.api.Test;

class ClearSkyTest {

    @Test
    void theRegionsPlaceIsBothCoordinatesOrNeither() {
        assertThat(ClearSky.of(null, null)).isEqualTo(ClearSky.ODAWARA);
        assertThat(ClearSky.of(43.06, 141.35)).isEqualTo(new ClearSky(43.06, 141.35));
        assertThatThrownBy(() -> ClearSky.of(43.06, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set both aems.location.latitude and aems.location.longitude (decimal degrees, north and east positive),"
                        + " or neither for Odawara; only latitude was set");
        assertThatThrownBy(() -> new ClearSky(139.15, 35.26)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a place needs latitude in -90..90 and longitude in -180..180 degrees");
    }

    @Test
    void theSunRisesLaterInTheWestOfJapan() {
        // 05:00-05:30 JST on midsummer day: Odawara's sun is up, Naha's (12 degrees west, 9 south) is not.
        Slot dawn = Slot.of(LocalDate.of(2026, 6, 21), 11);

        assertThat(ClearSky.ODAWARA.meanIrradiance(dawn)).isPositive();
        assertThat(new ClearSky(26.21, 127.68).meanIrradiance(dawn)).isZero();
    }
}
