package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.JarProcess;
import io.commentharvester.support.SharedHarvest;
import io.commentharvester.support.TestRedis;

/**
 * harvest.distributed: harvesters in their own JVMs (the packaged jar) share one harvest of a 20 000-comment thread
 * and 20 small songs through one Redis; one of them is killed with -9 half-way. How much sooner three finish than
 * one: {@link DistributedSpeedIT}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DistributedHarvestIT {

    static final String DEEP = SharedHarvest.DEEP;
    static final int DEEP_COMMENTS = SharedHarvest.DEEP_COMMENTS;
    static final int WORKERS = SharedHarvest.WORKERS;
    static final long CLAIM_IDLE_MS = 3_000;
    static SandboxServer sandbox;
    static TestRedis redis;
    static SharedHarvest harvest;
    final ObjectMapper json = new ObjectMapper();
    /** Each thread's comments, newest first, as the sandbox serves them (read once: the corpus copies them). */
    final Map<String, List<long[]>> corpus = new HashMap<>();

    @BeforeAll
    static void startServers() throws IOException {
        sandbox = SandboxServer.start(SandboxSettings.defaults().withLatencyMs(50));
        sandbox.corpus().threadSize("R_SO_4_" + DEEP, DEEP_COMMENTS);
        redis = TestRedis.start(null);
        harvest = new SharedHarvest(sandbox, redis, CLAIM_IDLE_MS);
    }

    @AfterAll
    static void stopServers() {
        sandbox.close();
        redis.close();
    }

    static List<String> songs() {
        return SharedHarvest.songs();
    }

    static String[] args(String prefix, String... extra) {
        return harvest.args(prefix, extra);
    }

    static JarProcess start(String... args) throws IOException {
        return SharedHarvest.start(args);
    }

    @Test
    void threeHarvestersShareOneHarvestAndTheTwoLeftFinishTheUnitsOfOneKilledHalfWay() throws Exception {
        sandbox.stats().reset();
        String prefix = "dist:";
        String[] args = args(prefix, "--harvest.distributed=true");
        long started = System.nanoTime();
        List<JarProcess> harvesters = List.of(start(args), start(args), start(args));
        String deepKey = prefix + DEEP;
        await().atMost(Duration.ofSeconds(120))
                .until(() -> redis.template().opsForHash().size(deepKey) >= DEEP_COMMENTS / 3);

        String running = status(prefix);
        assertThat(running).containsPattern("\\d+ being walked").contains("  harvester ");

        JarProcess killed = harvesters.get(0);
        killed.process().destroyForcibly(); // kill -9: its units stay pending on it
        assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();

        for (JarProcess survivor : harvesters.subList(1, 3)) {
            assertThat(survivor.exitCode()).as(survivor.text()).isZero();
            assertThat(survivor.text())
                    .contains("harvest done: 21 resource(s)")
                    .contains("song:" + DEEP + " (R_SO_4_" + DEEP + "): ")
                    .contains(
                            DEEP_COMMENTS + " stored, totalCount " + DEEP_COMMENTS + ", 100.0% complete, end reached");
        }
        System.out.printf(
                "killed after %.1f s, the two others ended %.1f s later:%n%s%n",
                (killedAt - started) / 1e9,
                (System.nanoTime() - killedAt) / 1e9,
                harvesters.subList(1, 3).stream()
                        .map(h -> h.text()
                                .lines()
                                .filter(line -> line.startsWith("harvest ") || line.contains("Claimed"))
                                .collect(java.util.stream.Collectors.joining("\n")))
                        .collect(java.util.stream.Collectors.joining("\n")));
        assertThat(harvesters.get(1).text() + harvesters.get(2).text())
                .as("the killed harvester's units were claimed")
                .contains("idle on another harvester for over " + CLAIM_IDLE_MS + " ms");

        // every comment of every thread is stored, once
        long expected = 0;
        for (String song : songs()) {
            int size = sandbox.corpus().comments("R_SO_4_" + song).size();
            expected += size;
            assertThat(redis.template().opsForHash().size(prefix + song))
                    .as(song)
                    .isEqualTo(size);
            assertThat(redis.template().opsForHash().get(prefix + song + ":meta", "endReached"))
                    .isEqualTo("true");
        }
        // the meta hash counts the harvest as a whole: the growth of the hash, whoever stored it
        assertThat(redis.template().opsForHash().get(deepKey + ":meta", "addedLastRun"))
                .isEqualTo(String.valueOf(DEEP_COMMENTS));
        assertThat(redis.template().opsForStream().size(prefix + "work")).isZero();

        // a page asked twice (the same thread and cursor) is a unit walked twice: only the pages in flight on the
        // killed harvester are (its units are walked on from their checkpoints, which every stored page writes)
        Set<String> served = new HashSet<>();
        Set<String> asked = new HashSet<>();
        long askedTwice = 0;
        long servedTotal = 0;
        for (RecordedRequest request : sandbox.stats().requests()) {
            List<String> page = served(request);
            servedTotal += page.size();
            served.addAll(page);
            if ("ok".equals(request.outcome()) && !asked.add(cursorOf(request))) {
                askedTwice++;
            }
        }
        assertThat(served).hasSize((int) expected);
        System.out.printf(
                "distributed: %d requests, %d comments served for %d distinct, %d page(s) asked twice%n",
                sandbox.stats().requestCount(), servedTotal, expected, askedTwice);
        // at most its workers' pages in flight, plus one: a unit claimed whose range is open at the top ([.., newest))
        // starts with a look for comments newer than what is covered, as a resumed walk does
        assertThat(askedTwice).isLessThanOrEqualTo(WORKERS + 1);

        String after = status(prefix);
        assertThat(after)
                .contains("0 waiting, 0 being walked")
                .contains("song:" + DEEP + " (R_SO_4_" + DEEP + "): " + DEEP_COMMENTS + " stored")
                .contains("100.0% complete, 0 unit(s) open, end reached");
    }

    /** --status, in process: what a user watching the harvest sees. */
    private static String status(String prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Application(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args(prefix, "--status"));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Which page a request asked for: thread and cursor. */
    private String cursorOf(RecordedRequest request) {
        try {
            JsonNode inner = json.readTree(request.innerJson());
            return inner.path("threadId").asText() + "@" + inner.path("cursor").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comment ids a (cursor) request was served, from the sandbox's corpus. */
    private List<String> served(RecordedRequest request) {
        if (!"ok".equals(request.outcome()) || request.innerJson() == null) {
            return List.of();
        }
        JsonNode inner;
        try {
            inner = json.readTree(request.innerJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String thread = inner.path("threadId").asText(inner.path("rid").asText());
        long cursor = inner.get("cursor").asLong();
        int size = inner.get("pageSize").asInt();
        List<String> ids = new ArrayList<>();
        corpus
                .computeIfAbsent(
                        thread,
                        t -> sandbox.corpus().comments(t).stream()
                                .map(c -> new long[] {
                                    c.get("time").asLong(), c.get("commentId").asLong()
                                })
                                .toList())
                .stream()
                .filter(c -> cursor < 0 || c[0] < cursor)
                .limit(size)
                .forEach(c -> ids.add(thread + "/" + c[1]));
        return ids;
    }

    @Test
    void withoutDistributedASecondHarvesterOfTheSameResourceSaysSoInOneLineAndExitsOne() throws Exception {
        String[] args = args("lock:", "--harvest.song-ids=" + DEEP, "--harvest.concurrency=1");
        JarProcess first = start(args);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> redis.template().opsForHash().size("lock:" + DEEP) > 0);
        String owner = redis.template().opsForValue().get("lock:" + DEEP + ":lock");
        assertThat(owner).endsWith(":" + first.process().pid());

        JarProcess second = start(args);
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.text())
                .contains("comment-harvester: song:" + DEEP + " is being harvested by " + owner)
                .doesNotContain("harvest done");
        assertThat(second.text().lines().filter(line -> line.startsWith("comment-harvester:")))
                .hasSize(1);

        first.process().toHandle().destroy();
        assertThat(first.exitCode()).isEqualTo(143);
        assertThat(redis.template().hasKey("lock:" + DEEP + ":lock"))
                .as("released at the end")
                .isFalse();
    }

    @Test
    void distributedWithoutARedisUrlIsBadInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Application(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args("bad:", "--harvest.distributed=true", "--redis.url="));
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("comment-harvester: harvest.distributed='true': needs redis.url (the embedded Redis is"
                        + " this process's own and cannot be shared)");
        assertThat(redis.template().keys("bad:*")).isEmpty();
    }
}
