package io.commentharvester.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.commentharvester.config.InvalidSettingException;

class SettingKeysTest {

    private static final Set<String> KNOWN = Set.of(
            "harvest.pages",
            "harvest.page-size",
            "harvest.concurrency",
            "harvest.song-ids",
            "redis.url",
            "redis.key-prefix",
            "weapi.base-url",
            "http.connect-timeout-ms");
    private static final Set<String> CHECKED = Set.of("harvest.", "weapi.", "redis.", "http.", "sandbox.");

    private static InvalidSettingException failure(Collection<String> keys) {
        InvalidSettingException e =
                catchThrowableOfType(InvalidSettingException.class, () -> SettingKeys.checkKnown(keys, KNOWN, CHECKED));
        assertThat(e).as("expected %s to be rejected", keys).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n", "\r");
        return e;
    }

    @Test
    void knownKeysPass() {
        assertThatCode(() -> SettingKeys.checkKnown(KNOWN, KNOWN, CHECKED)).doesNotThrowAnyException();
    }

    @Test
    void aMisspeltKeyGetsTheClosestKnownOne() {
        InvalidSettingException e = failure(List.of("harvest.pages", "harvest.pagez"));

        assertThat(e.key()).isEqualTo("harvest.pagez");
        assertThat(e.getMessage()).isEqualTo("harvest.pagez: unknown setting (did you mean harvest.pages?)");
    }

    @Test
    void aTruncatedKeyIsSuggestedThroughItsPrefix() {
        assertThat(failure(List.of("harvest.song")).getMessage())
                .isEqualTo("harvest.song: unknown setting (did you mean harvest.song-ids?)");
        assertThat(failure(List.of("redis.url-for-tests")).getMessage())
                .isEqualTo("redis.url-for-tests: unknown setting (did you mean redis.url?)");
    }

    @Test
    void aFarOffKeyListsTheKnownKeysOfItsPrefix() {
        InvalidSettingException e = failure(List.of("harvest.threads"));

        assertThat(e.getMessage())
                .isEqualTo("harvest.threads: unknown setting; known harvest.* settings: "
                        + "harvest.concurrency, harvest.page-size, harvest.pages, harvest.song-ids");
    }

    @Test
    void aCheckedPrefixWithoutKnownKeysSaysOnlyUnknown() {
        assertThat(failure(List.of("sandbox.latency")).getMessage()).isEqualTo("sandbox.latency: unknown setting");
    }

    @Test
    void theFirstUnknownKeyInSortedOrderIsReported() {
        assertThat(failure(List.of("weapi.base-urls", "redis.uri", "harvest.threads"))
                        .key())
                .isEqualTo("harvest.threads");
    }

    @Test
    void keysOutsideTheCheckedPrefixesAreIgnored() {
        List<String> keys = List.of(
                "camel.main.name",
                "camel.threadpool.config[harvest].pool-size",
                "java.version",
                "user.dir",
                "harvester",
                "redis",
                "harvest.pages");

        assertThatCode(() -> SettingKeys.checkKnown(keys, KNOWN, CHECKED)).doesNotThrowAnyException();
    }

    @Test
    void keysOfCollectsEveryPropertyNameIncludingDefaults() {
        Properties defaults = new Properties();
        defaults.setProperty("harvest.pages", "10");
        Properties file = new Properties(defaults);
        file.setProperty("redis.url", "");
        Properties commandLine = new Properties();
        commandLine.setProperty("harvest.pagez", "3");

        assertThat(SettingKeys.keysOf(file, commandLine))
                .containsExactly("harvest.pages", "harvest.pagez", "redis.url");
    }

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertThat(SettingKeys.distance("harvest.pagez", "harvest.pages")).isEqualTo(1);
        assertThat(SettingKeys.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(SettingKeys.distance("", "abc")).isEqualTo(3);
        assertThat(SettingKeys.distance("same", "same")).isZero();
    }
}
