package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.sandbox.CeilingMode;
import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.InProcessHarvest;
import io.commentharvester.support.TestRedis;

/**
 * Threads deeper than the API's offset ceiling, walked to their end by chained cursors in parallel time
 * slices, against the sandbox and a real Redis: nothing lost, nothing counted twice, workers kept busy.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeepThreadIT {

    static final AtomicLong SONGS = new AtomicLong(8_000_000L);

    @RegisterExtension
    static final TestRedis redis = TestRedis.create();

    final ObjectMapper json = new ObjectMapper();
    final InProcessHarvest harvest = new InProcessHarvest();
    SandboxServer sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private int harvest(SandboxSettings settings, String... extra) throws Exception {
        sandbox = SandboxServer.start(settings);
        List<String> args = new ArrayList<>(Arrays.asList(InProcessHarvest.UNTHROTTLED));
        args.addAll(Arrays.asList(extra));
        return harvest.run(sandbox, redis, args.toArray(String[]::new));
    }

    private Set<String> corpusIds(String threadId, int newest) {
        return sandbox.corpus().comments(threadId).stream()
                .limit(newest)
                .map(c -> c.get("commentId").asText())
                .collect(Collectors.toSet());
    }

    private Set<String> storedIds(String key) {
        return redis.template().opsForHash().keys(key).stream()
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "ceiling mode {0}")
    @EnumSource(CeilingMode.class)
    void everyCommentBehindTheOffsetCeilingIsStoredOnce(CeilingMode mode) throws Exception {
        long song = SONGS.incrementAndGet();
        int exitCode = harvest(
                SandboxSettings.defaults()
                        .withCommentsPerThread(2000)
                        .withOffsetCeiling(200)
                        .withCeilingMode(mode)
                        .withSameTimeShare(0.10)
                        .withLatencyMs(5),
                "--harvest.song-ids=" + song,
                "--harvest.pages=all",
                "--harvest.concurrency=6");

        assertThat(exitCode).as(harvest.err()).isZero();
        assertThat(storedIds("music_comment:" + song)).isEqualTo(corpusIds("R_SO_4_" + song, 2000));
        assertThat(harvest.out())
                .contains("harvest done: 1 resource(s)")
                .contains("2000 comments added, 2000 stored of 2000 (100.0%)")
                .contains("song:" + song + " (R_SO_4_" + song + "): 2000 added, 2000 stored, totalCount 2000, "
                        + "100.0% complete, end reached");
        assertThat(redis.template().opsForHash().entries("music_comment:" + song + ":meta"))
                .containsEntry("completeness", "1.0000")
                .containsEntry("endReached", "true")
                .containsEntry("stored", "2000")
                .containsEntry("totalCount", "2000");
    }

    @Test
    void newestPagesAreExactlyTheNewestCommentsAndTheSummaryCountsWhatRedisHolds() throws Exception {
        long song = SONGS.incrementAndGet();
        int exitCode = harvest(
                SandboxSettings.defaults()
                        .withCommentsPerThread(2000)
                        .withOffsetCeiling(200)
                        .withCeilingMode(CeilingMode.REPEAT)
                        .withSameTimeShare(0.10)
                        .withLatencyMs(5),
                "--harvest.song-ids=" + song,
                "--harvest.pages=60");

        assertThat(exitCode).isZero();
        assertThat(storedIds("music_comment:" + song)).isEqualTo(corpusIds("R_SO_4_" + song, 1200));
        assertThat(harvest.out()).contains("1200 comments added, 1200 stored of 2000 (60.0%)");
        assertThat(redis.template().opsForHash().entries("music_comment:" + song + ":meta"))
                .containsEntry("stored", "1200")
                .containsEntry("endReached", "false")
                .containsEntry("lastRunComplete", "true");
    }

    @Test
    void oneDeepThreadKeepsEveryWorkerBusy() throws Exception {
        long song = SONGS.incrementAndGet();
        int exitCode = harvest(
                SandboxSettings.defaults().withCommentsPerThread(20_000).withLatencyMs(50),
                "--harvest.song-ids=" + song,
                "--harvest.pages=all",
                "--harvest.concurrency=10");

        assertThat(exitCode).isZero();
        assertThat(redis.template().opsForHash().size("music_comment:" + song)).isEqualTo(20_000);
        assertThat(sandbox.stats().maxInFlight()).isEqualTo(10);
        // 1000 pages' worth: the slices must keep most of the ten workers busy. One cursor chain gives 1.0; a quiet
        // machine gives about 8; the bound leaves room for a loaded 2-core CI machine, where the harvester's own CPU
        // time between pages (not the walk) lowers the figure; the benchmark measures speed
        assertThat(sandbox.stats().averageInFlight()).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void everyResourceTypeSendsItsThreadIdAndTheLimitHoldsForTheRunAsAWhole() throws Exception {
        String resources = "song:" + SONGS.incrementAndGet() + ",album:34720827,playlist:2829896389,mv:5436712,"
                + "video:89ADDE33C0AAE8EC14B99F6750DB954D,dj-program:2061034798,event:1234567";
        int exitCode = harvest(
                SandboxSettings.defaults().withLatencyMs(20),
                "--harvest.resources=" + resources,
                "--harvest.pages=all",
                "--harvest.concurrency=3");

        assertThat(exitCode).as(harvest.err()).isZero();
        assertThat(sandbox.stats().maxInFlight()).isEqualTo(3);
        Set<String> threadsAsked = new java.util.HashSet<>();
        for (RecordedRequest request : sandbox.stats().requests()) {
            threadsAsked.add(json.readTree(request.innerJson()).get("threadId").asText());
        }
        assertThat(threadsAsked)
                .containsExactlyInAnyOrder(
                        "R_SO_4_" + SONGS.get(),
                        "R_AL_3_34720827",
                        "A_PL_0_2829896389",
                        "R_MV_5_5436712",
                        "R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D",
                        "A_DJ_1_2061034798",
                        "A_EV_2_1234567");
        assertThat(storedIds("music_comment:album:34720827"))
                .isEqualTo(corpusIds("R_AL_3_34720827", Integer.MAX_VALUE));
        assertThat(storedIds("music_comment:video:89ADDE33C0AAE8EC14B99F6750DB954D"))
                .isEqualTo(corpusIds("R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D", Integer.MAX_VALUE));
        assertThat(storedIds("music_comment:" + SONGS.get()))
                .isEqualTo(corpusIds("R_SO_4_" + SONGS.get(), Integer.MAX_VALUE));
    }
}
