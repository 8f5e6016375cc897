package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void aSecretGivenInTheWrongFormIsNeverEchoed() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"-Dredis.password=hunter2"}))
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("'-Dredis.password=...'")
                .hasMessageContaining("put it before -jar, or give --redis.password=value");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--redis.password", "hunter2"}))
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("unknown argument '--redis.password'");
    }

    @Test
    void aKeyValueArgumentIsAnOverride() {
        assertThat(CommandLine.parse(new String[] {"--harvest.pages=5"}).overrides())
                .containsEntry("harvest.pages", "5");
    }
}
