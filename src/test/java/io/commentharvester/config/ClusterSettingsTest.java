package io.commentharvester.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static ClusterSettings read(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of("harvest.pages", "all", "redis.url", "redis://r:6379"));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return ClusterSettings.from(values::get);
    }

    @Test
    void offByDefaultWithThirtySecondsOfClaimIdle() {
        assertThat(read()).isEqualTo(new ClusterSettings(false, 30_000));
    }

    @Test
    void onWithARedisUrlAndAllPages() {
        assertThat(read("harvest.distributed", "TRUE", "harvest.claim-idle-ms", "2000"))
                .isEqualTo(new ClusterSettings(true, 2_000));
    }

    @Test
    void theEmbeddedRedisCannotBeShared() {
        assertThatThrownBy(() -> read("harvest.distributed", "true", "redis.url", " "))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("harvest.distributed='true': needs redis.url");
    }

    @Test
    void theNewestPagesAreNotShared() {
        assertThatThrownBy(() -> read("harvest.distributed", "true", "harvest.pages", "10"))
                .hasMessageContaining("set harvest.pages=all");
        assertThat(read("harvest.pages", "10").distributed()).isFalse();
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> read("harvest.distributed", "yes")).hasMessageContaining("harvest.distributed='yes'");
        assertThatThrownBy(() -> read("harvest.claim-idle-ms", "soon"))
                .hasMessageContaining("harvest.claim-idle-ms='soon': is not a whole number");
        assertThatThrownBy(() -> read("harvest.claim-idle-ms", "100")).hasMessageContaining("between 300 and");
    }
}
