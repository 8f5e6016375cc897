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

import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.ResourceType;

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
        assertThat(settings.resources()).containsExactly(new Resource(ResourceType.SONG, "1359645265"));
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
        assertThat(settings().resources()).extracting(Resource::id).isEqualTo(List.of("1", "22", "333"));
    }

    @Test
    void resourcesOfEveryTypeHaveTheirThreadIdAndHash() {
        values.put(
                "harvest.resources",
                "song:1359645265, album:34720827,playlist:2,mv:5,video:89ADDE33C0AAE8EC14B99F6750DB954D,"
                        + "dj-program:7,event:8");
        List<Resource> resources = settings().resources();
        assertThat(resources)
                .extracting(Resource::threadId)
                .containsExactly(
                        "R_SO_4_1359645265",
                        "R_AL_3_34720827",
                        "A_PL_0_2",
                        "R_MV_5_5",
                        "R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D",
                        "A_DJ_1_7",
                        "A_EV_2_8");
        assertThat(resources)
                .extracting(r -> r.commentsKey("p:"))
                .containsExactly(
                        "p:1359645265",
                        "p:album:34720827",
                        "p:playlist:2",
                        "p:mv:5",
                        "p:video:89ADDE33C0AAE8EC14B99F6750DB954D",
                        "p:dj-program:7",
                        "p:event:8");
    }

    @Test
    void resourcesTakeThePlaceOfTheSongIdsShorthand() {
        values.put("harvest.resources", "album:3");
        assertThat(settings().resources()).containsExactly(new Resource(ResourceType.ALBUM, "3"));
    }

    @Test
    void pagesAllMeansEveryComment() {
        values.put("harvest.pages", " ALL ");
        assertThat(settings().allPages()).isTrue();
        values.put("harvest.pages", "3");
        assertThat(settings().allPages()).isFalse();
    }

    @Test
    void timeOrderFieldsAreSentAsConfigured() {
        values.put("weapi.time-order-fields", "orderType=1, sortType=3");
        assertThat(settings().timeOrderFields())
                .containsExactly(Map.entry("orderType", "1"), Map.entry("sortType", "3"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "harvest.song-ids|abc|harvest.song-ids='abc': 'abc' is not a song id",
                "harvest.song-ids|-5|'-5' is not a song id",
                "harvest.song-ids|,|names no resource",
                "harvest.resources|song:1,cd:2|harvest.resources='song:1,cd:2': 'cd' is not a resource type (song, mv, playlist",
                "harvest.resources|album|'album' is not type:id",
                "harvest.resources|album:12x|'12x' is not a album id (a positive number)",
                "harvest.resources|video:XYZ|'XYZ' is not a video id (a hexadecimal video id)",
                "harvest.resources|song:0|'0' is not a song id",
                "harvest.pages|0|harvest.pages='0': must be all or between 1 and 100000",
                "harvest.pages|99999999|must be all or between 1 and 100000",
                "harvest.pages|ten|harvest.pages='ten': must be all or a whole number of pages",
                "weapi.time-order-fields|orderType|weapi.time-order-fields='orderType': 'orderType' is not name=value",
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
        assertThatThrownBy(this::settings)
                .isInstanceOf(InvalidSettingException.class)
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
        assertThat(url.toString())
                .isEqualTo("rediss://***@cache.example:6380/2")
                .doesNotContain("s3cr");
        assertThat(RedisUrl.redact("redis://:hunter2@h:1/0")).isEqualTo("redis://***@h:1/0");
        assertThat(RedisUrl.redact("redis://:abc/def@h:1/0")).isEqualTo("redis://***@h:1/0");
        assertThat(RedisUrl.redact("redis://user:p@ss#w%rd@h:1")).isEqualTo("redis://***@h:1");
        assertThat(RedisUrl.redact("redis://h:1/0")).isEqualTo("redis://h:1/0");
        assertThat(RedisUrl.redact("redis:/user:s3cret@h:1")).isEqualTo("***@h:1");
        assertThat(RedisUrl.redact("user:s3cret@h:1")).isEqualTo("***@h:1");
        assertThat(RedisUrl.parse("redis://:a+b%40c@h:1/0").password()).isEqualTo("a+b@c");
        assertThat(RedisUrl.parse("redis://localhost").port()).isEqualTo(6379);
    }

    @Test
    void aRedisUrlWithAQueryIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://:s3cret@h:1/0?ssl=true"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("redis.url")
                .hasMessageContaining("takes no ?query")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> RedisUrl.parse("redis://h:1/0#x")).hasMessageContaining("#fragment");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "redis://user:hunter2@host:6379/abc",
                "redis://:hun/ter2@host:6379/0",
                "redis://user:hunter2@host@:6379",
                "redis://:hunter2#@host:port/0",
                "redis:/user:hunter2@host:6379",
                "user:hunter2@host:6379",
            })
    void aBadRedisUrlWithAPasswordDoesNotShowThePassword(String url) {
        values.put("redis.url", url);
        assertThatThrownBy(this::settings)
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("ter2"));
    }
}
