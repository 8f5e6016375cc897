package io.commentharvester.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HarvestSettingsTest {

    private final Map<String, String> values = new HashMap<>();

    @BeforeEach
    void loadTheShippedDefaults() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("application.properties"))) {
            properties.load(in);
        }
        properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
        values.put("redis.url", "");
    }

    private HarvestSettings settings() {
        return HarvestSettings.from(values::get);
    }

    @Test
    void theShippedDefaultsAreTheDocumentedOnes() {
        HarvestSettings settings = settings();
        assertThat(settings.songIds()).containsExactly(1359645265L);
        assertThat(settings.pages()).isEqualTo(10);
        assertThat(settings.pageSize()).isEqualTo(20);
        assertThat(settings.concurrency()).isEqualTo(10);
        assertThat(settings.baseUrl()).isEqualTo("https://music.163.com");
        assertThat(settings.keyPrefix()).isEqualTo("music_comment:");
        assertThat(settings.embeddedRedis()).isTrue();
        assertThat(settings.storeLayout()).isEqualTo(StoreLayout.COMMENT_ID);
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.resume()).isTrue();
    }

    @Test
    void songIdsAreCommaSeparatedAndDeduplicated() {
        values.put("harvest.song-ids", " 1, 22 ,1,333");
        assertThat(settings().songIds()).isEqualTo(List.of(1L, 22L, 333L));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "harvest.song-ids|abc|harvest.song-ids='abc': 'abc' is not a song id",
        "harvest.song-ids|-5|'-5' is not a song id",
        "harvest.song-ids|,|names no song id",
        "harvest.pages|0|harvest.pages='0': must be between 1 and 10000",
        "harvest.pages|99999999|must be between 1 and 10000",
        "harvest.pages|ten|harvest.pages='ten': is not a whole number",
        "harvest.concurrency|0|harvest.concurrency='0': must be between 1",
        "harvest.page-size|51|harvest.page-size='51': must be between 1 and 50",
        "harvest.page-size|0|must be between 1 and 50",
        "weapi.base-url|music.163.com|weapi.base-url='music.163.com': must start with https:// or http://",
        "weapi.base-url|https://|weapi.base-url='https://'",
        "weapi.rsa-modulus|xyz|weapi.rsa-modulus='xyz': is not hexadecimal",
        "weapi.rsa-modulus|00ff|weapi.rsa-modulus='00ff': RSA modulus is too short",
        "redis.url|http://localhost:6379|redis.url='http://localhost:6379': must start with redis:// or rediss://",
        "redis.url|redis://localhost:6379/x|database must be a number",
        "harvest.store-layout|by-user|harvest.store-layout='by-user': must be comment-id or nickname",
        "harvest.resume|yes|harvest.resume='yes': must be true or false",
        "harvest.max-attempts|0|harvest.max-attempts='0': must be between 1 and 100",
    })
    void badValuesAreRejectedWithAMessageNamingTheSettingAndTheValue(String key, String value, String message) {
        values.put(key, value);
        assertThatThrownBy(this::settings).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidSettingException) e).key()).isEqualTo(key))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingSettingIsNamed() {
        values.remove("harvest.pages");
        assertThatThrownBy(this::settings).hasMessage("harvest.pages=(missing): must be set");
    }

    @Test
    void redisUrlsAreParsedAndNeverShowTheirPassword() {
        RedisUrl url = RedisUrl.parse("rediss://app:s3cr%40t@cache.example:6380/2");
        assertThat(url.tls()).isTrue();
        assertThat(url.host()).isEqualTo("cache.example");
        assertThat(url.port()).isEqualTo(6380);
        assertThat(url.database()).isEqualTo(2);
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.toString()).isEqualTo("rediss://***@cache.example:6380/2").doesNotContain("s3cr");
        assertThat(RedisUrl.redact("redis://:hunter2@h:1/0")).isEqualTo("redis://***@h:1/0");
        assertThat(RedisUrl.redact("redis://:abc/def@h:1/0")).isEqualTo("redis://***@h:1/0");
        assertThat(RedisUrl.redact("redis://user:p@ss#w%rd@h:1")).isEqualTo("redis://***@h:1");
        assertThat(RedisUrl.redact("redis://h:1/0")).isEqualTo("redis://h:1/0");
        assertThat(RedisUrl.redact("redis:/user:s3cret@h:1")).isEqualTo("***@h:1");
        assertThat(RedisUrl.redact("user:s3cret@h:1")).isEqualTo("***@h:1");
        assertThat(RedisUrl.parse("redis://:a+b%40c@h:1/0").password()).isEqualTo("a+b@c");
        assertThat(RedisUrl.parse("redis://localhost").port()).isEqualTo(6379);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "redis://user:hunter2@host:6379/abc",
        "redis://:hun/ter2@host:6379/0",
        "redis://user:hunter2@host@:6379",
        "redis://:hunter2#@host:port/0",
        "redis:/user:hunter2@host:6379",
        "user:hunter2@host:6379",
    })
    void aBadRedisUrlWithAPasswordDoesNotShowThePassword(String url) {
        values.put("redis.url", url);
        assertThatThrownBy(this::settings).isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("ter2"));
    }
}
