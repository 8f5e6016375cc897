package io.commentharvester.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunSettingsTest {

    private static RunSettings read(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return RunSettings.from(values::get);
    }

    @Test
    void byDefaultOneFullRunWithoutRawAnswers() {
        RunSettings settings = read();
        assertThat(settings.scheduled()).isFalse();
        assertThat(settings.incremental()).isFalse();
        assertThat(settings.keepRaw()).isFalse();
        assertThat(settings.keepRawMax()).isEqualTo(10_000);
        assertThat(settings.triggerUri()).isEqualTo("timer:harvest?repeatCount=1&delay=0");
    }

    @Test
    void periodsInBothFormsAndScheduledRunsAreIncrementalUnlessTheModeSaysOtherwise() {
        assertThat(read("harvest.schedule", "PT6H").periodMs()).isEqualTo(21_600_000);
        assertThat(read("harvest.schedule", "6h").periodMs()).isEqualTo(21_600_000);
        assertThat(read("harvest.schedule", "30m").periodMs()).isEqualTo(1_800_000);
        assertThat(read("harvest.schedule", "45s").triggerUri())
                .isEqualTo("timer:harvest?delay=0&synchronous=true&period=45000");
        assertThat(read("harvest.schedule", "6h").incremental()).isTrue();
        assertThat(read("harvest.schedule", "6h", "harvest.mode", "full").incremental())
                .isFalse();
        assertThat(read("harvest.mode", "incremental").incremental()).isTrue();
    }

    @Test
    void cronExpressionsBecomeAStatefulQuartzTrigger() {
        RunSettings settings = read("harvest.schedule", "0 0  */6 * * ?");
        assertThat(settings.cron()).isEqualTo("0 0 */6 * * ?");
        assertThat(settings.triggerUri())
                .startsWith("quartz:")
                .contains("stateful=true")
                .contains("cron=0+0+*%2F6+*+*+%3F");
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> read("harvest.schedule", "every day"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("harvest.schedule='every day': is neither a period");
        assertThatThrownBy(() -> read("harvest.schedule", "500ms")).hasMessageContaining("at least 1 s");
        assertThatThrownBy(() -> read("harvest.schedule", "PT6X")).hasMessageStartingWith("harvest.schedule='PT6X'");
        assertThatThrownBy(() -> read("harvest.mode", "delta"))
                .hasMessage("harvest.mode='delta': must be full or incremental");
        assertThatThrownBy(() -> read("harvest.keep-raw", "yes")).hasMessageStartingWith("harvest.keep-raw='yes'");
        assertThatThrownBy(() -> read("harvest.keep-raw-max", "0")).hasMessageStartingWith("harvest.keep-raw-max='0'");
    }
}
