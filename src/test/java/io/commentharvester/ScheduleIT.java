package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.TestRedis;

/** harvest.schedule: a long-running process that harvests on schedule, one run at a time, until stopped. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScheduleIT {

    static final AtomicLong SONGS = new AtomicLong(9_300_000L);
    static SandboxServer sandbox;
    static TestRedis redis;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startServers() throws Exception {
        // every page takes 200 ms: a run of 6 pages, one at a time, outlasts the 1 s schedule
        sandbox = SandboxServer.start(SandboxSettings.defaults().withLatencyMs(200));
        redis = TestRedis.start(null);
    }

    @AfterAll
    static void stopServers() {
        sandbox.close();
        redis.close();
    }

    @BeforeEach
    void resetStats() {
        sandbox.stats().reset();
    }

    private Application application() {
        return new Application(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] args(String schedule) {
        return new String[] {
            "--weapi.base-url=" + sandbox.baseUrl(),
            "--weapi.rsa-modulus=" + sandbox.rsaModulusHex(),
            "--weapi.rsa-public-exponent=" + sandbox.rsaPublicExponentHex(),
            "--redis.url=" + redis.url(),
            "--harvest.song-ids=" + SONGS.incrementAndGet(),
            "--harvest.pages=6",
            "--harvest.concurrency=1",
            "--harvest.mode=full",
            "--harvest.resume=false",
            "--harvest.schedule=" + schedule
        };
    }

    private long runsReported() {
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("harvest done:"))
                .count();
    }

    @ParameterizedTest(name = "schedule {0}")
    @ValueSource(strings = {"1s", "*/1 * * * * ?"})
    void aScheduleRunsAgainAndAgainOneRunAtATimeUntilStopped(String schedule) throws Exception {
        Application application = application();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> application.run(args(schedule)));
        int exitCode;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> runsReported() >= 2);
        } finally {
            // stopped between or during runs: the process ends cleanly either way
            application.stop();
            exitCode = running.get(60, TimeUnit.SECONDS);
        }

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 130);
        assertThat(application.lastRun().runsStarted()).isGreaterThanOrEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("harvest incomplete");
        // two runs at once would have had two pages in flight
        assertThat(sandbox.stats().maxInFlight()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Harvesting ")
                .contains("0 failed, 120 comments added, 120 stored")
                .contains("0 failed, 0 comments added, 120 stored")
                .contains("harvest schedule stopped after");
    }

    @ParameterizedTest(name = "stopped {0}")
    @ValueSource(strings = {"during a run"})
    void aScheduleStoppedDuringARunReportsThatRunAndExits(String when) throws Exception {
        Application application = application();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> application.run(args("1s")));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                HarvestRun run = application.lastRun();
                return run != null
                        && run.runsStarted() >= 2
                        && run.isPlanned()
                        && !run.isFinished()
                        && run.pagesOk() >= 1;
            });
        } finally {
            application.stop();
        }

        assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo(130);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("harvest cancelled:");
    }
}
