package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.sandbox.FaultKind;
import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.support.TestRedis;
import io.commentharvester.weapi.WeapiCrypto;

/**
 * Runs the application as its main method does (arguments, exit codes, summary) against the sandbox and Redis.
 * Here: runs that start, with what they store, send and print, and how they end (done, incomplete, cancelled and
 * resumed); the input refused before a run starts is in {@link ApplicationBadInputIT}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ApplicationIT extends ApplicationTestSupport {

    final ObjectMapper json = new ObjectMapper();

    private int pageNo(RecordedRequest request) {
        try {
            return json.readTree(request.innerJson()).get("pageNo").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPageThatAlwaysFailsStopsItsWalkThereAndARerunGoesOnFromTheCheckpoint() {
        // a broken answer is the page's own fault (a rate limit such as HTTP 503 would pause the whole run instead)
        sandbox.failPageAlways("R_SO_4_" + song, 3, FaultKind.TRUNCATED_JSON);

        int exitCode = application().run(args("--harvest.max-attempts=3"));

        assertThat(exitCode).isEqualTo(ExitCodes.INCOMPLETE);
        // pages 1 and 2 of the walk: 20 comments, then 19 new ones (the next page starts at the last one's millisecond)
        assertThat(outText()).contains("harvest incomplete: 1 resource(s), 2 page(s) ok, 1 failed, 39 comments added");
        // the table per resource counts as the summary does
        assertThat(outText().lines()).anyMatch(line -> line.matches("song:" + song + " +2 +1 +39 +39 +\\d+ .*"));
        assertThat(errText()).contains("failed: song:" + song + " page before ");
        assertThat(redis.template().opsForHash().keys("music_comment:" + song + ":failed"))
                .singleElement()
                .asString()
                .startsWith("cursor ");
        // three attempts at the failing page, and nothing past it: the walk cannot skip a page
        assertThat(sandbox.stats().requests().stream().filter(r -> pageNo(r) == 3))
                .hasSize(3);
        assertThat(sandbox.stats().requestCount()).isEqualTo(5);
        assertThat(redis.template().opsForHash().size("music_comment:" + song)).isEqualTo(39);

        sandbox.clearPermanentFaults();
        sandbox.stats().reset();
        out.reset();
        int rerun = application().run(args());

        assertThat(rerun).isZero();
        assertThat(outText()).contains("harvest done: 1 resource(s)").contains("81 comments added, 120 stored");
        assertThat(redis.template().hasKey("music_comment:" + song + ":failed")).isFalse();
        assertThat(redis.template().opsForHash().size("music_comment:" + song)).isEqualTo(120);
        // one look for newer comments, then the four pages' worth the first run did not get
        assertThat(sandbox.stats().requestCount()).isLessThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"orderType=1", "orderType=2,sortType=3", "sortType=3"})
    void theConfiguredOrderFieldsAreSentWithEveryPage(String fields) throws Exception {
        int exitCode = application().run(args("--weapi.time-order-fields=" + fields, "--harvest.pages=5"));

        assertThat(exitCode).isZero();
        for (RecordedRequest request : sandbox.stats().requests()) {
            com.fasterxml.jackson.databind.JsonNode inner = json.readTree(request.innerJson());
            for (String field : fields.split(",")) {
                String[] nameValue = field.split("=");
                assertThat(inner.get(nameValue[0]).asText()).isEqualTo(nameValue[1]);
            }
        }
        List<String> newest = sandbox.corpus().comments("R_SO_4_" + song).subList(0, 100).stream()
                .map(c -> c.get("commentId").asText())
                .toList();
        assertThat(redis.template().opsForHash().keys("music_comment:" + song))
                .map(Object::toString)
                .containsExactlyInAnyOrderElementsOf(newest);
    }

    @Test
    void secretsCanComeFromFilesAndAreSentButNeverPrinted(@TempDir Path secrets) throws Exception {
        Path cookie = Files.writeString(secrets.resolve("cookie"), "MUSIC_U=file-cookie-5d2e\n");
        Path csrf = Files.writeString(secrets.resolve("csrf"), "file-csrf-81c0");
        Path password = Files.writeString(secrets.resolve("redis-password"), "file-redis-pw-3a9b");
        try (TestRedis locked = TestRedis.start("file-redis-pw-3a9b")) {
            int exitCode = application()
                    .run(args(
                            "--harvest.pages=2",
                            "--redis.url=redis://127.0.0.1:" + locked.port() + "/0",
                            "--redis.password-file=" + password,
                            "--weapi.cookie-file=" + cookie,
                            "--weapi.csrf-token-file=" + csrf));

            assertThat(exitCode).as(errText()).isZero();
            assertThat(locked.template().opsForHash().size("music_comment:" + song))
                    .isEqualTo(40);
        }
        assertThat(sandbox.stats().requests()).isNotEmpty().allSatisfy(request -> {
            // the user's cookie, after the site's anonymous cookies
            assertThat(request.headers().get("cookie"))
                    .endsWith("; MUSIC_U=file-cookie-5d2e")
                    .contains("_ntes_nuid=");
            assertThat(request.query()).isEqualTo("csrf_token=file-csrf-81c0");
        });
        assertThat(outText() + errText())
                .doesNotContain("file-cookie")
                .doesNotContain("file-csrf")
                .doesNotContain("file-redis-pw");
    }

    @Test
    void theNicknameLayoutReproducesTheOldScriptsStoreAndItsLosses() {
        int exitCode = application().run(args("--harvest.store-layout=nickname", "--harvest.pages=5"));

        assertThat(exitCode).isZero();
        Map<Object, Object> stored = redis.template().opsForHash().entries("music_comment:" + song);
        List<ObjectNode> served = sandbox.corpus().comments("R_SO_4_" + song).subList(0, 100);
        Map<String, String> lastByNickname = new java.util.HashMap<>();
        served.forEach(c -> lastByNickname.putIfAbsent(
                c.path("user").path("nickname").asText(), c.get("content").asText()));
        assertThat(stored).hasSize(lastByNickname.size());
        assertThat(stored.size()).isLessThan(100);
        assertThat(stored.keySet()).map(Object::toString).containsExactlyInAnyOrderElementsOf(lastByNickname.keySet());
    }

    @Test
    void aRunInAnEmbeddingJvmLeavesNoThreadOfItsOwnBehind() {
        int exitCode = application().run(args("--harvest.pages=2"));

        assertThat(exitCode).isZero();
        // the request deadline's timer, the one thread a run made outside Camel's pools, ends with its context
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                        .filteredOn(Thread::isAlive)
                        .extracting(Thread::getName)
                        .doesNotContain("request-deadline"));
    }

    @Test
    void theRequestRateCapHoldsAcrossAllWorkers() {
        long start = System.nanoTime();
        int exitCode = application()
                .run(args("--harvest.max-requests-per-second=4", "--harvest.pages=all", "--harvest.concurrency=6"));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(exitCode).isZero();
        int requests = sandbox.stats().requestCount();
        assertThat(requests).isGreaterThan(8);
        // n requests at 4 a second need ceil(n / 4) - 1 full periods after the first, however fast the machine
        assertThat(seconds).isGreaterThanOrEqualTo(Math.ceil(requests / 4.0) - 1);
    }

    @Test
    void anAnswerThatCannotImproveFailsItsPageAtOnce() {
        // the sandbox cannot decrypt a key made for NetEase's modulus: it answers code 400, as the real API does
        int exitCode =
                application().run(args("--weapi.rsa-modulus=" + WeapiCrypto.NETEASE_RSA_MODULUS, "--harvest.pages=2"));

        assertThat(exitCode).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(sandbox.stats().requestCount()).isEqualTo(1);
        assertThat(errText())
                .contains("failed: song:" + song + " newest page: WeapiApiException: song:" + song
                        + " newest page: API code 400");
        assertThat(redis.template().opsForHash().keys("music_comment:" + song + ":failed"))
                .containsExactly("newest page");
    }

    @Test
    void aRunStoppedHalfWayIsResumedWithoutDuplicatesFetchingOnlyWhatIsMissing() throws Exception {
        String key = "music_comment:" + song;
        Application first = application();
        CompletableFuture<Integer> firstRun = CompletableFuture.supplyAsync(
                () -> first.run(args("--harvest.pages=30", "--harvest.concurrency=1", "--harvest.page-size=5")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> redis.template().opsForHash().size(key) >= 15);
        first.stop();

        assertThat(firstRun.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.CANCELLED);
        assertThat(outText()).contains("harvest cancelled");
        // pages given up on because the run stops are not failed, in the table as in the summary
        assertThat(outText()).contains(" 0 failed, ");
        assertThat(outText().lines()).anyMatch(line -> line.matches("song:" + song + " +\\d+ +0 +\\d+ .*"));
        long storedFirst = redis.template().opsForHash().size(key);
        assertThat(storedFirst).isBetween(15L, 149L);
        assertThat(first.lastRun().commentsAdded()).isEqualTo(storedFirst);

        sandbox.stats().reset();
        Application second = application();
        assertThat(second.run(args("--harvest.pages=30", "--harvest.concurrency=3", "--harvest.page-size=5")))
                .isZero();

        assertThat(redis.template().opsForHash().size(key)).isEqualTo(150);
        assertThat(second.lastRun().commentsAdded()).isEqualTo(150 - storedFirst);
        // pages of 5 overlap by one comment (the next page asks from the last one's millisecond): 4 new a page,
        // plus one look for newer comments and the page that was in flight when the first run stopped
        assertThat(sandbox.stats().requestCount()).isLessThanOrEqualTo((int) Math.ceil((150 - storedFirst) / 4.0) + 3);
    }
}
