package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.JarProcess;
import io.commentharvester.support.TestRedis;

/**
 * Runs target/comment-harvester.jar as a user does, in its own JVM: a packaging fault (a lost type converter,
 * a signed-jar error) shows here, and so do signals, exit codes and what reaches the terminal.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PackagedJarIT {

    static final String COOKIE = "MUSIC_U=cookie-secret-4f1c9a";
    static final String CSRF = "csrf-secret-77ab20";
    static final String REDIS_PASSWORD = "redis-secret-93d1e";
    static TestRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.start(REDIS_PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static JarProcess start(Map<String, String> env, String... args) throws IOException {
        return JarProcess.start(env, List.of(), args);
    }

    private static Map<String, String> secrets() {
        return Map.of("NETEASE_COOKIE", COOKIE, "NETEASE_CSRF_TOKEN", CSRF, "REDIS_URL", redis.url());
    }

    @Test
    void sigtermStopsNewPagesPrintsTheSummaryExits143AndARerunResumes() throws Exception {
        String[] args = {
            "--sandbox",
            "--sandbox.latency-ms=150",
            "--harvest.song-ids=777001",
            "--harvest.pages=30",
            "--harvest.concurrency=2",
            "--harvest.page-size=5"
        };
        JarProcess first = start(secrets(), args);
        String key = "sandbox:music_comment:777001";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> redis.template().opsForHash().size(key) >= 12);

        first.process().toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        assertThat(first.exitCode()).isEqualTo(143);
        long storedFirst = redis.template().opsForHash().size(key);
        assertThat(first.text()).contains("harvest cancelled: 1 resource(s)").contains(storedFirst + " comments added");
        assertThat(storedFirst).isBetween(12L, 149L);

        JarProcess second = start(secrets(), args);
        assertThat(second.exitCode()).as(second.text()).isZero();
        assertThat(second.text())
                .contains("harvest done")
                .contains((150 - storedFirst) + " comments added, 150 stored")
                .contains("already walked by earlier runs are skipped");
        assertThat(redis.template().opsForHash().size(key)).isEqualTo(150);
        assertThat(redis.template().hasKey("music_comment:777001"))
                .as("sandbox comments kept apart")
                .isFalse();

        for (String output : List.of(first.text(), second.text())) {
            assertThat(output)
                    .doesNotContain(COOKIE)
                    .doesNotContain("cookie-secret")
                    .doesNotContain(CSRF)
                    .doesNotContain(REDIS_PASSWORD);
        }
    }

    @Test
    void aRunKilledHalfWayThroughADeepThreadLosesNothingAndRefetchesOnlyWhatWasInFlight() throws Exception {
        int concurrency = 4;
        int pageSize = 20;
        try (SandboxServer sandbox = SandboxServer.start(
                SandboxSettings.defaults().withCommentsPerThread(3000).withLatencyMs(30))) {
            String[] args = {
                "--weapi.base-url=" + sandbox.baseUrl(),
                "--weapi.rsa-modulus=" + sandbox.rsaModulusHex(),
                "--harvest.song-ids=777004",
                "--harvest.pages=all",
                "--harvest.concurrency=" + concurrency,
                "--harvest.max-requests-per-second=0",
                "--harvest.page-size=" + pageSize
            };
            String key = "music_comment:777004";
            JarProcess first = start(Map.of("REDIS_URL", redis.url()), args);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> redis.template().opsForHash().size(key) >= 1000);
            first.process().destroyForcibly(); // kill -9: no summary, no clean-up
            first.process().waitFor(30, TimeUnit.SECONDS);
            List<String> servedFirst = served(sandbox, sandbox.stats().requests());
            sandbox.stats().reset();

            JarProcess second = start(Map.of("REDIS_URL", redis.url()), args);
            assertThat(second.exitCode()).as(second.text()).isZero();
            assertThat(redis.template().opsForHash().size(key)).isEqualTo(3000);
            assertThat(second.text()).contains("3000 stored of 3000 (100.0%)");

            // pages the second run fetched whose comments the first run had already fetched: those in flight at
            // the kill, and the one look for comments newer than the first run's newest
            java.util.Set<String> firstSet = new java.util.HashSet<>(servedFirst);
            long fetchedTwice = sandbox.stats().requests().stream()
                    .map(request -> served(sandbox, List.of(request)))
                    .filter(page -> !page.isEmpty() && firstSet.containsAll(page))
                    .count();
            assertThat(fetchedTwice).isLessThanOrEqualTo(concurrency + 1);
        }
    }

    /** The comment ids the sandbox served to these (cursor) requests, from its corpus. */
    private static List<String> served(SandboxServer sandbox, List<RecordedRequest> requests) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.node.ObjectNode> corpus =
                sandbox.corpus().comments("R_SO_4_777004");
        List<String> served = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (!"ok".equals(request.outcome())) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode inner;
            try {
                inner = json.readTree(request.innerJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long cursor = inner.get("cursor").asLong();
            int size = inner.get("pageSize").asInt();
            corpus.stream()
                    .filter(c -> cursor < 0 || c.get("time").asLong() < cursor)
                    .limit(size)
                    .forEach(c -> served.add(c.get("commentId").asText()));
        }
        return served;
    }

    @Test
    void withoutARedisUrlAnEmbeddedRedisKeepsTheCommentsForTheNextRun(@TempDir Path dataDir) throws Exception {
        String[] args = {
            "--sandbox", "--harvest.song-ids=777002", "--harvest.pages=3", "--redis.embedded-dir=" + dataDir
        };
        JarProcess first = start(Map.of("REDIS_URL", ""), args);
        assertThat(first.exitCode()).as(first.text()).isZero();
        assertThat(first.text())
                .contains("Started embedded Redis")
                .containsPattern(
                        "harvest done: 1 resource\\(s\\), \\d+ page\\(s\\) ok, 0 failed, 60 comments added, 60 stored");
        assertThat(Files.list(dataDir)).isNotEmpty();

        JarProcess second = start(Map.of("REDIS_URL", ""), args);
        assertThat(second.exitCode()).as(second.text()).isZero();
        // one look for newer comments, and nothing else to fetch
        assertThat(second.text())
                .contains("harvest done: 1 resource(s), 1 page(s) ok, 0 failed, 0 comments added, 60 stored");
    }

    @Test
    void oneHarvesterAtATimeUsesAnEmbeddedRedisDataFolder(@TempDir Path dataDir) throws Exception {
        String[] args = {
            "--sandbox",
            "--sandbox.latency-ms=200",
            "--harvest.song-ids=777003",
            "--harvest.pages=40",
            "--harvest.concurrency=1",
            "--redis.embedded-dir=" + dataDir
        };
        JarProcess first = start(Map.of("REDIS_URL", ""), args);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.text().contains("Started embedded Redis"));

        JarProcess second = start(Map.of("REDIS_URL", ""), args);
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.text()).contains("another harvester is using the embedded Redis data in " + dataDir);

        first.process().toHandle().destroy();
        assertThat(first.exitCode()).isEqualTo(143);
    }

    @Test
    void sandboxOnlyServesUntilStoppedAndShowsItsUrlAndKey() throws Exception {
        JarProcess sandbox = start(Map.of(), "--sandbox-only");
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> url.matcher(sandbox.text()).find());
        assertThat(sandbox.text()).containsPattern("[0-9a-f]{256}");
        Matcher matcher = url.matcher(sandbox.text());
        assertThat(matcher.find()).isTrue();

        HttpResponse<String> stats = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(matcher.group(1) + "/__sandbox/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).contains("maxInFlight");

        sandbox.process().toHandle().destroy();
        assertThat(sandbox.exitCode()).isEqualTo(143);
    }
}
