package io.commentharvester.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ThreadListSettingsTest {

    @Test
    void theShippedPropertiesLeaveTheExtraListsOutAndListEveryKey() throws Exception {
        Properties shipped = new Properties();
        shipped.load(new StringReader(Files.readString(Path.of("application.properties"))));
        assertThat(ThreadListSettings.from(shipped::getProperty)).isEqualTo(ThreadListSettings.NONE);
        assertThat(SettingsCatalog.shipped().keys())
                .contains(
                        "harvest.include-hot",
                        "harvest.include-replies",
                        "harvest.order",
                        "weapi.hot-comments-path",
                        "weapi.floor-path");
    }

    @Test
    void theHotOrderWalksTheHotList() {
        ThreadListSettings settings = ThreadListSettings.from(Map.of("harvest.order", "HOT")::get);
        assertThat(settings.hotOrder()).isTrue();
        assertThat(settings.walksHot()).isTrue();
        assertThat(settings.includeReplies()).isFalse();
    }

    @Test
    void eachBadValueNamesItsSetting() {
        assertThatThrownBy(() -> ThreadListSettings.from(Map.of("harvest.include-hot", "yes")::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("harvest.include-hot")
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> ThreadListSettings.from(Map.of("harvest.include-replies", "1")::get))
                .hasMessageContaining("harvest.include-replies");
        assertThatThrownBy(() -> ThreadListSettings.from(Map.of("harvest.order", "recommended")::get))
                .hasMessageContaining("harvest.order")
                .hasMessageContaining("time or hot");
        assertThatThrownBy(() -> ThreadListSettings.from(Map.of("weapi.floor-path", "floor")::get))
                .hasMessageContaining("weapi.floor-path")
                .hasMessageContaining("must start with /");
    }
}
