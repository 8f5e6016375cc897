package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.sandbox.FaultKind;
import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.InProcessHarvest;
import io.commentharvester.support.TestRedis;

/**
 * Against a sandbox that behaves like the real site (a rate limit with a penalty box, captchas, cookies required,
 * a server that stops answering or trickles): the harvest keeps to an acceptable rate by itself and stops when
 * there is no point going on.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class PoliteIT {

    static final AtomicLong SONGS = new AtomicLong(9_000_000L);

    @RegisterExtension
    static final TestRedis redis = TestRedis.create();

    final InProcessHarvest run = new InProcessHarvest();
    SandboxServer sandbox;
    long song;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private int harvest(String... extra) {
        List<String> args = new ArrayList<>(List.of("--harvest.song-ids=" + song));
        args.addAll(Arrays.asList(extra));
        return run.run(sandbox, redis, args.toArray(String[]::new));
    }

    private String output() {
        return run.output();
    }

    private long stored() {
        return redis.template().opsForHash().size("music_comment:" + song);
    }

    @Test
    void withDefaultSettingsARateLimitedSiteIsHarvestedWithoutBeingPenalised() {
        song = SONGS.incrementAndGet();
        sandbox = start(SandboxSettings.defaults()
                .withCommentsPerThread(4000)
                .withRateLimit(20)
                .withPenaltyMs(2000));
        long start = System.nanoTime();

        int exitCode = harvest("--harvest.pages=all");

        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(exitCode).as(output()).isZero();
        assertThat(stored()).isEqualTo(4000);
        int requests = sandbox.stats().requestCount();
        int refused = sandbox.stats().count("rate-limited");
        assertThat(requests).isGreaterThanOrEqualTo(200);
        assertThat(refused).as("refused of " + requests).isLessThanOrEqualTo(requests / 10);
        // 200 pages' worth at the site's 20 a second take 10 s at best
        assertThat(seconds).isLessThan(20.0);
        System.out.printf("rate-limited site: %d requests, %d refused, %.1f s%n", requests, refused, seconds);
    }

    @Test
    void aCaptchaStopsTheRunAtOnceWithExitFourAndRerunsFinishTheHarvest() {
        song = SONGS.incrementAndGet();
        sandbox = start(SandboxSettings.defaults()
                .withCommentsPerThread(2000)
                .withLatencyMs(20)
                .withFaultKinds(FaultKind.CAPTCHA)
                .withFaultRate(0.05)
                .withMaxFaultsPerPage(1)
                .withSeed(11));

        int exitCode = harvest("--harvest.pages=all", "--harvest.concurrency=4");

        assertThat(exitCode).as(output()).isEqualTo(ExitCodes.CAPTCHA);
        assertThat(output()).contains("harvest stopped").contains("captcha").contains("verify at https://");
        List<RecordedRequest> requests = sandbox.stats().requests();
        int firstCaptcha = 0;
        while (!requests.get(firstCaptcha).outcome().equals("captcha")) {
            firstCaptcha++;
        }
        // only the requests that were already in flight come after it
        assertThat(requests.size() - firstCaptcha - 1).isLessThanOrEqualTo(4);

        int runs = 1;
        while (exitCode != 0 && runs < 30) {
            exitCode = harvest("--harvest.pages=all", "--harvest.concurrency=4");
            assertThat(exitCode).as(output()).isIn(0, ExitCodes.CAPTCHA);
            runs++;
        }
        assertThat(exitCode).isZero();
        assertThat(stored()).isEqualTo(2000);
    }

    @Test
    void aSiteThatWantsItsCookiesGetsThemAndTheyNeverReachTheOutput() {
        song = SONGS.incrementAndGet();
        sandbox = start(SandboxSettings.defaults().withCommentsPerThread(300).withRequireCookies(true));

        int exitCode = harvest("--harvest.pages=all");

        assertThat(exitCode).as(output()).isZero();
        assertThat(stored()).isEqualTo(300);
        assertThat(sandbox.stats().count("no-cookies")).isZero();
        assertThat(sandbox.stats().requests()).allSatisfy(request -> {
            assertThat(request.cookies().names()).contains("_ntes_nuid", "NMTID", "os");
            String cookie = request.headers().get("cookie");
            assertThat(output())
                    .doesNotContain(
                            cookie.substring(cookie.indexOf("_ntes_nuid=") + 11, cookie.indexOf("_ntes_nuid=") + 27));
        });
        assertThat(output()).doesNotContain("_ntes_nuid=").doesNotContain("NMTID=");
    }

    @Test
    void aServerThatStopsAnsweringEndsTheRunWithinAMinuteAndARerunFinishes() throws Exception {
        song = SONGS.incrementAndGet();
        sandbox = start(SandboxSettings.defaults().withCommentsPerThread(3000).withLatencyMs(30));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> harvest("--harvest.pages=all", "--harvest.max-requests-per-second=0"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() >= 500);
        sandbox.setSilent(true);
        long silentAt = System.nanoTime();

        int exitCode = run.get(90, TimeUnit.SECONDS);

        assertThat(exitCode).as(output()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - silentAt)).isLessThan(60);
        assertThat(output()).contains("harvest stopped").contains("no answer from 127.0.0.1");
        long storedFirst = stored();
        assertThat(storedFirst).isLessThan(3000);

        sandbox.setSilent(false);
        assertThat(harvest("--harvest.pages=all", "--harvest.max-requests-per-second=0"))
                .as(output())
                .isZero();
        assertThat(stored()).isEqualTo(3000);
    }

    @Test
    void anAnswerTricklingInIsCutAtTheRequestDeadline() {
        song = SONGS.incrementAndGet();
        sandbox = start(SandboxSettings.defaults().withCommentsPerThread(200));
        sandbox.setTrickleMs(200);
        long start = System.nanoTime();

        int exitCode = harvest(
                "--harvest.pages=all",
                "--http.request-deadline-ms=1500",
                "--harvest.give-up-after-ms=4000",
                "--harvest.retry-delay-ms=100");

        assertThat(exitCode).as(output()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        assertThat(output()).contains("request deadline of 1500 ms");

        sandbox.setTrickleMs(0);
        assertThat(harvest("--harvest.pages=all")).as(output()).isZero();
        assertThat(stored()).isEqualTo(200);
    }

    private static SandboxServer start(SandboxSettings settings) {
        try {
            return SandboxServer.start(settings);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
