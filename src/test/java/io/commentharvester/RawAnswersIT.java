package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.TestRedis;

/** harvest.keep-raw: every answer kept, compressed, in <key>:raw, capped; off by default. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RawAnswersIT {

    static SandboxServer sandbox;
    static TestRedis redis;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServers() throws Exception {
        sandbox = SandboxServer.start(SandboxSettings.defaults().withCommentsPerThread(400));
        redis = TestRedis.start(null);
    }

    @AfterAll
    static void stopServers() {
        sandbox.close();
        redis.close();
    }

    private int harvest(long song, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--weapi.base-url=" + sandbox.baseUrl(),
                "--weapi.rsa-modulus=" + sandbox.rsaModulusHex(),
                "--weapi.rsa-public-exponent=" + sandbox.rsaPublicExponentHex(),
                "--redis.url=" + redis.url(),
                "--harvest.song-ids=" + song,
                "--harvest.pages=all",
                "--harvest.concurrency=2"));
        args.addAll(List.of(extra));
        return new Application(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
    }

    @Test
    void everyAnswerIsKeptCompressedWithItsRequestAndCanBeParsedAgain() throws Exception {
        assertThat(harvest(9_400_001L, "--harvest.keep-raw=true")).isZero();

        List<MapRecord<String, Object, Object>> entries =
                redis.template().opsForStream().read(StreamOffset.fromStart("music_comment:9400001:raw"));
        // 400 comments, 20 a page
        assertThat(entries).hasSize(sandbox.stats().requests().size()).hasSizeGreaterThanOrEqualTo(20);
        Set<String> ids = new HashSet<>();
        for (MapRecord<String, Object, Object> entry : entries) {
            Map<Object, Object> fields = entry.getValue();
            assertThat(fields.get("endpoint").toString())
                    .isEqualTo(sandbox.baseUrl() + "/weapi/comment/resource/comments/get");
            assertThat(fields.get("encoding")).isEqualTo("gzip+base64");
            assertThat(fields.get("status")).isEqualTo("200");
            assertThat(java.time.Instant.parse(fields.get("fetchedAt").toString()))
                    .isNotNull();
            JsonNode request = json.readTree(fields.get("request").toString());
            assertThat(request.get("threadId").asText()).isEqualTo("R_SO_4_9400001");
            assertThat(request.has("csrf_token")).isFalse();
            byte[] body = new GZIPInputStream(new java.io.ByteArrayInputStream(
                            Base64.getDecoder().decode(fields.get("body").toString())))
                    .readAllBytes();
            json.readTree(body)
                    .path("data")
                    .path("comments")
                    .forEach(c -> ids.add(c.get("commentId").asText()));
        }
        assertThat(ids)
                .isEqualTo(redis.template().opsForHash().keys("music_comment:9400001").stream()
                        .map(Object::toString)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theStreamIsCappedAndOffByDefault() {
        assertThat(harvest(9_400_002L)).isZero();
        assertThat(redis.template().hasKey("music_comment:9400002:raw")).isFalse();

        sandbox.stats().reset();
        assertThat(harvest(9_400_003L, "--harvest.keep-raw=true", "--harvest.keep-raw-max=5", "--harvest.page-size=2"))
                .isZero();
        // 200 answers; MAXLEN ~ trims whole nodes of the stream (100 entries each by default), never below 5
        Long size = redis.template().opsForStream().size("music_comment:9400003:raw");
        assertThat(sandbox.stats().requests().size()).isGreaterThanOrEqualTo(200);
        assertThat(size).isBetween(5L, 120L);
    }
}
