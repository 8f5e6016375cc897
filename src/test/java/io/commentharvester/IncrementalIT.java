package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.InProcessHarvest;
import io.commentharvester.support.TestRedis;

/**
 * harvest.mode=incremental against the sandbox and a real Redis: threads "grow" by showing comments the sandbox
 * hid (sandbox.hide-newest); an incremental run walks only down to each thread's watermark.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IncrementalIT {

    static final AtomicLong SONGS = new AtomicLong(9_100_000L);

    @RegisterExtension
    static final TestRedis redis = TestRedis.create();

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
        out.reset();
        err.reset();
        return new Application(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] args(long song, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--harvest.song-ids=" + song,
                "--harvest.pages=all",
                "--harvest.page-size=20",
                "--harvest.concurrency=1"));
        args.addAll(Arrays.asList(extra));
        return InProcessHarvest.args(sandbox, redis, args.toArray(String[]::new));
    }

    private List<ObjectNode> corpus(long song) {
        return sandbox.corpus().comments("R_SO_4_" + song);
    }

    private Set<String> storedIds(long song) {
        return redis.template().opsForHash().keys("music_comment:" + song).stream()
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    private long watermark(long song) {
        Object value = redis.template().opsForHash().get("music_comment:" + song + ":meta", "watermark");
        return value == null ? -1 : Long.parseLong(value.toString());
    }

    private static Set<String> ids(List<ObjectNode> comments) {
        return comments.stream().map(c -> c.get("commentId").asText()).collect(Collectors.toSet());
    }

    @Test
    void anIncrementalRunAfterTheThreadGrewFetchesOnlyTheNewPagesAndStoresOnlyTheNewComments() throws Exception {
        long song = SONGS.incrementAndGet();
        sandbox = SandboxServer.start(
                SandboxSettings.defaults().withCommentsPerThread(300).withHideNewest(45));
        List<ObjectNode> corpus = corpus(song);

        assertThat(application().run(args(song)))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(storedIds(song)).isEqualTo(ids(corpus.subList(45, 300)));
        assertThat(watermark(song)).isEqualTo(corpus.get(45).get("time").longValue());

        sandbox.setHideNewest(0);
        sandbox.stats().reset();
        assertThat(application().run(args(song, "--harvest.mode=incremental"))).isZero();

        // 45 new comments: two full pages and the page that reaches the watermark
        assertThat(sandbox.stats().requests()).hasSize(3);
        assertThat(storedIds(song)).isEqualTo(ids(corpus));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("45 comments added, 300 stored of 300")
                .contains("song:" + song + " (R_SO_4_" + song + "): 45 added, 300 stored");
        assertThat(watermark(song)).isEqualTo(corpus.get(0).get("time").longValue());
        assertThat(redis.template().opsForHash().entries("music_comment:" + song + ":meta"))
                .containsEntry("addedLastRun", "45")
                .containsEntry("lastRunComplete", "true");

        // nothing new: one page, nothing added, the watermark stays
        sandbox.stats().reset();
        assertThat(application().run(args(song, "--harvest.mode=incremental"))).isZero();
        assertThat(sandbox.stats().requests()).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 comments added, 300 stored");
        assertThat(watermark(song)).isEqualTo(corpus.get(0).get("time").longValue());
    }

    @Test
    void anInterruptedIncrementalRunLosesNothingOnItsRerunAndItsWatermarkNeverRunsAhead() throws Exception {
        long song = SONGS.incrementAndGet();
        sandbox = SandboxServer.start(SandboxSettings.defaults()
                .withCommentsPerThread(300)
                .withHideNewest(240)
                .withLatencyMs(60));
        List<ObjectNode> corpus = corpus(song);
        assertThat(application().run(args(song))).isZero();
        long before = watermark(song);
        assertThat(before).isEqualTo(corpus.get(240).get("time").longValue());

        sandbox.setHideNewest(0);
        sandbox.stats().reset();
        Application interrupted = application();
        CompletableFuture<Integer> run =
                CompletableFuture.supplyAsync(() -> interrupted.run(args(song, "--harvest.mode=incremental")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.stats().requests().size() >= 4);
        interrupted.stop();
        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(130);

        long after = watermark(song);
        Set<String> stored = storedIds(song);
        assertThat(stored.size()).isLessThan(300);
        // the watermark moved only over what is stored without a gap
        assertThat(corpus.stream()
                        .filter(c -> c.get("time").longValue() <= after)
                        .map(c -> c.get("commentId").asText()))
                .allMatch(stored::contains);
        assertThat(after).isLessThan(corpus.get(0).get("time").longValue());

        assertThat(application().run(args(song, "--harvest.mode=incremental"))).isZero();
        assertThat(storedIds(song)).isEqualTo(ids(corpus));
        assertThat(watermark(song)).isEqualTo(corpus.get(0).get("time").longValue());
    }
}
