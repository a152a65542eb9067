package io.tradeloom.market.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolumeProfileTest {

    @Test
    void aRegularSessionTradesItsWholeDayFrontLoadedLikeUsEquities() {
        assertThat(VolumeProfile.expectedShare(0, 390)).isZero();
        assertThat(VolumeProfile.expectedShare(390, 390)).isEqualTo(1.0);
        assertThat(VolumeProfile.expectedShare(30, 390)).isCloseTo(0.153, within(0.001));
        assertThat(1 - VolumeProfile.expectedShare(360, 390)).isCloseTo(0.109, within(0.001));
        assertThat(VolumeProfile.expectedShare(195, 390)).isCloseTo(0.528, within(0.001)); // midday, not 0.5
    }

    @Test
    void theShareGrowsEveryMinuteAndIsClampedToTheSession() {
        for (int k = 1; k <= 390; k++) {
            assertThat(VolumeProfile.expectedShare(k, 390)).isGreaterThan(VolumeProfile.expectedShare(k - 1, 390));
        }
        assertThat(VolumeProfile.expectedShare(500, 390)).isEqualTo(1.0);
        assertThat(VolumeProfile.expectedShare(-1, 390)).isZero();
    }

    @Test
    void anEarlyCloseEndsShortOfAnAverageRegularDay() {
        assertThat(VolumeProfile.expectedShare(210, 210)).isCloseTo(0.607, within(0.001));
    }
}
