package io.commentharvester.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.commentharvester.config.InvalidSettingException;

class EmbedSettingsTest {

    @Test
    void runsAtStartUnlessToldNot() {
        assertThat(EmbedSettings.from(key -> null).triggerUri("timer:harvest?repeatCount=1"))
                .isEqualTo("timer:harvest?repeatCount=1");
        assertThat(EmbedSettings.from(Map.of(EmbedSettings.RUN_AT_START, "false")::get)
                        .triggerUri("timer:harvest"))
                .isEqualTo(EmbedSettings.ON_DEMAND_TRIGGER);
    }

    @Test
    void anythingButTrueOrFalseIsRejected() {
        assertThatThrownBy(() -> EmbedSettings.from(Map.of(EmbedSettings.RUN_AT_START, "no")::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(EmbedSettings.RUN_AT_START);
    }
}
