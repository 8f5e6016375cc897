package io.commentharvester.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OperabilitySettingsTest {

    @Test
    void byDefaultProgressEveryFiveSecondsAndNoObservation() {
        OperabilitySettings settings = OperabilitySettings.from(key -> null);
        assertThat(settings.progressIntervalMs()).isEqualTo(5000);
        assertThat(settings.observe()).isFalse();
        assertThat(settings.observePort()).isEqualTo(9876);
    }

    @Test
    void theShippedDefaultsAreTheSame() {
        SettingsCatalog catalog = SettingsCatalog.shipped();
        OperabilitySettings shipped = OperabilitySettings.from(key -> catalog.settings().stream()
                .filter(setting -> setting.key().equals(key))
                .map(SettingsCatalog.Setting::defaultValue)
                .findFirst()
                .orElse(null));
        assertThat(shipped).isEqualTo(OperabilitySettings.from(key -> null));
    }

    @Test
    void zeroTurnsProgressOffAndTheFlagAndPortAreRead() {
        OperabilitySettings settings = OperabilitySettings.from(Map.of(
                OperabilitySettings.PROGRESS_INTERVAL_MS, "0",
                OperabilitySettings.OBSERVE, "TRUE",
                OperabilitySettings.OBSERVE_PORT, "19876")::get);
        assertThat(settings).isEqualTo(new OperabilitySettings(0, true, 19876));
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> OperabilitySettings.from(Map.of(OperabilitySettings.PROGRESS_INTERVAL_MS, "5s")::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("harvest.progress-interval-ms='5s': is not a whole number of milliseconds");
        assertThatThrownBy(() -> OperabilitySettings.from(Map.of(OperabilitySettings.PROGRESS_INTERVAL_MS, "-1")::get))
                .hasMessageStartingWith("harvest.progress-interval-ms='-1': must be 0");
        assertThatThrownBy(() -> OperabilitySettings.from(Map.of(OperabilitySettings.OBSERVE, "yes")::get))
                .hasMessage("harvest.observe='yes': must be true or false");
        assertThatThrownBy(() -> OperabilitySettings.from(Map.of(OperabilitySettings.OBSERVE_PORT, "70000")::get))
                .hasMessage("harvest.observe-port='70000': must be between 1 and 65535");
    }
}
