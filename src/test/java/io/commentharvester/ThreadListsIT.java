package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.InProcessHarvest;
import io.commentharvester.support.TestRedis;

/** The hot list, the reply floors and comments of odd shapes, harvested from the sandbox into a real Redis. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ThreadListsIT {

    static final AtomicLong SONGS = new AtomicLong(11_000_000L);

    @RegisterExtension
    static final TestRedis redis = TestRedis.create();

    final ObjectMapper json = new ObjectMapper();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    SandboxServer sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Application application() {
        return new Application(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] args(String... extra) {
        return InProcessHarvest.args(sandbox, redis, extra);
    }

    private Map<String, JsonNode> stored(String key) throws Exception {
        Map<String, JsonNode> stored = new HashMap<>();
        for (Map.Entry<Object, Object> entry :
                redis.template().opsForHash().entries(key).entrySet()) {
            stored.put(entry.getKey().toString(), json.readTree(entry.getValue().toString()));
        }
        return stored;
    }

    /** Every reply of the thread, by id, with its parent's id. */
    private Map<String, String> corpusReplies(String threadId) {
        Map<String, String> replies = new HashMap<>();
        for (ObjectNode comment : sandbox.corpus().comments(threadId)) {
            String parent = comment.get("commentId").asText();
            sandbox.corpus()
                    .replies(threadId, parent)
                    .forEach(reply -> replies.put(reply.get("commentId").asText(), parent));
        }
        return replies;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHotListIsStoredOnceWithItsTopTenInLikedCountOrder() throws Exception {
        long song = SONGS.incrementAndGet();
        sandbox = SandboxServer.start(SandboxSettings.defaults().withCommentsPerThread(400));
        String key = "music_comment:" + song;
        int exitCode = application()
                .run(args(
                        "--harvest.song-ids=" + song,
                        "--harvest.pages=2",
                        "--harvest.include-hot=true",
                        "--harvest.concurrency=4"));

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> hotList = sandbox.corpus().hotList("R_SO_4_" + song);
        assertThat(hotList).hasSize(100);
        Set<String> zset = redis.template().opsForZSet().range(key + ":hot", 0, -1);
        assertThat(zset).containsExactlyInAnyOrderElementsOf(hotList);
        assertThat(redis.template().opsForZSet().reverseRange(key + ":hot", 0, 9))
                .containsExactlyElementsOf(hotList.subList(0, 10));
        Map<String, JsonNode> stored = stored(key);
        assertThat(stored.keySet()).containsAll(hotList);
        List<Long> likes = hotList.subList(0, 10).stream()
                .map(id -> stored.get(id).get("likedCount").asLong())
                .toList();
        assertThat(likes).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        long hotPages = sandbox.stats().requests().stream()
                .filter(r -> r.path().contains("/hotcomments/"))
                .count();
        // pages of 20 that repeat a few items of the page before, then one page that brings nothing new
        assertThat(hotPages).isBetween(6L, 8L);
        assertThat(out()).contains(", 100 hot");
    }

    @Test
    void theHotOrderHarvestsOnlyTheTopPagesOfTheHotList() throws Exception {
        long song = SONGS.incrementAndGet();
        sandbox = SandboxServer.start(SandboxSettings.defaults().withCommentsPerThread(400));
        String key = "music_comment:" + song;
        int exitCode =
                application().run(args("--harvest.song-ids=" + song, "--harvest.pages=2", "--harvest.order=hot"));

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(sandbox.stats().requests())
                .extracting(RecordedRequest::path)
                .containsOnly("/weapi/v1/resource/hotcomments/R_SO_4_" + song)
                .hasSize(2);
        List<String> hotList = sandbox.corpus().hotList("R_SO_4_" + song);
        Set<Object> fields = redis.template().opsForHash().keys(key);
        assertThat(fields)
                .hasSizeBetween(30, 39)
                .allSatisfy(field -> assertThat(hotList.subList(0, 40)).contains(field.toString()));
        assertThat(fields).contains(hotList.get(0), hotList.get(19));
    }

    @Test
    void everyReplyOfEveryFloorIsStoredOnceWithItsParent() throws Exception {
        long song = SONGS.incrementAndGet();
        sandbox = SandboxServer.start(
                SandboxSettings.defaults().withCommentsPerThread(1000).withReplyShare(0.05));
        String thread = "R_SO_4_" + song;
        String key = "music_comment:" + song;
        int exitCode = application()
                .run(args(
                        "--harvest.song-ids=" + song,
                        "--harvest.pages=all",
                        "--harvest.page-size=50",
                        "--harvest.include-replies=true",
                        "--harvest.concurrency=6"));

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, String> replies = corpusReplies(thread);
        long parents = replies.values().stream().distinct().count();
        assertThat(parents).isBetween(30L, 70L);
        Map<String, JsonNode> stored = stored(key);
        assertThat(stored).hasSize(1000 + replies.size());
        replies.forEach((reply, parent) ->
                assertThat(stored.get(reply).get("parentCommentId").asText()).isEqualTo(parent));
        assertThat(redis.template().opsForHash().entries(key + ":floors").values())
                .hasSize((int) parents)
                .containsOnly("done");
        assertThat(redis.template().opsForHash().get(key + ":meta", "replies"))
                .isEqualTo(String.valueOf(replies.size()));
        assertThat(redis.template().opsForHash().get(key + ":meta", "stored")).isEqualTo("1000");
        assertThat(out())
                .contains((1000 + replies.size()) + " comments added, 1000 stored of 1000 (100.0%), " + replies.size()
                        + " replies");
        assertThat(sandbox.stats().maxInFlight()).isLessThanOrEqualTo(6);
    }

    @Test
    void commentsOfOddShapesAreAllStoredAndCounted() throws Exception {
        long song = SONGS.incrementAndGet();
        sandbox = SandboxServer.start(
                SandboxSettings.defaults().withCommentsPerThread(1000).withOddShare(0.05));
        String thread = "R_SO_4_" + song;
        String key = "music_comment:" + song;
        int exitCode = application().run(args("--harvest.song-ids=" + song, "--harvest.pages=all"));

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        int odd = sandbox.corpus().oddCount(thread);
        assertThat(odd).isBetween(25, 75);
        Set<String> ids = sandbox.corpus().comments(thread).stream()
                .map(c -> c.get("commentId").asText())
                .collect(Collectors.toSet());
        assertThat(redis.template().opsForHash().keys(key).stream()
                        .map(Object::toString)
                        .collect(Collectors.toSet()))
                .isEqualTo(ids);
        assertThat(ids).anyMatch(id -> id.startsWith("c")).anyMatch(id -> id.length() >= 16);
        assertThat(out()).contains("1000 stored of 1000 (100.0%), " + odd + " odd");
        assertThat(redis.template().opsForHash().get(key + ":meta", "oddLastRun"))
                .isEqualTo(String.valueOf(odd));
    }

    @Test
    void repliesOfAStoppedRunAreResumedLikePages() throws Exception {
        long song = SONGS.incrementAndGet();
        sandbox = SandboxServer.start(SandboxSettings.defaults()
                .withCommentsPerThread(300)
                .withReplyShare(0.1)
                .withLatencyMs(10));
        String thread = "R_SO_4_" + song;
        String key = "music_comment:" + song;
        String[] run = args(
                "--harvest.song-ids=" + song,
                "--harvest.pages=all",
                "--harvest.include-replies=true",
                "--harvest.concurrency=2");
        Application first = application();
        CompletableFuture<Integer> firstRun = CompletableFuture.supplyAsync(() -> first.run(run));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> redis.template().opsForHash().values(key + ":floors").stream()
                                .filter("done"::equals)
                                .count()
                        >= 3);
        first.stop();
        assertThat(firstRun.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.CANCELLED);
        Map<Object, Object> floorsAfterFirst = redis.template().opsForHash().entries(key + ":floors");
        Set<String> doneFirst = floorsAfterFirst.entrySet().stream()
                .filter(e -> "done".equals(e.getValue()))
                .map(e -> e.getKey().toString())
                .collect(Collectors.toSet());
        long repliesFirst =
                Long.parseLong(String.valueOf(redis.template().opsForHash().get(key + ":meta", "replies")));

        sandbox.stats().reset();
        Application second = application();
        assertThat(second.run(run)).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Map<String, String> replies = corpusReplies(thread);
        assertThat(repliesFirst).isBetween(1L, replies.size() - 1L);
        Map<String, JsonNode> stored = stored(key);
        assertThat(stored).hasSize(300 + replies.size());
        replies.forEach((reply, parent) ->
                assertThat(stored.get(reply).get("parentCommentId").asText()).isEqualTo(parent));
        assertThat(redis.template().opsForHash().get(key + ":meta", "replies"))
                .isEqualTo(String.valueOf(replies.size()));
        List<String> floorsAskedAgain = new ArrayList<>();
        for (RecordedRequest request : sandbox.stats().requests()) {
            if (request.path().endsWith("/floor/get")) {
                floorsAskedAgain.add(json.readTree(request.innerJson())
                        .get("parentCommentId")
                        .asText());
            }
        }
        assertThat(floorsAskedAgain).isNotEmpty().doesNotContainAnyElementsOf(doneFirst);
    }
}
