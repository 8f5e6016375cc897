package io.commentharvester;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.TestRedis;

/**
 * The set-up of the tests that run the application as its main method does: a sandbox and a Redis for the test
 * class, a fresh song and an empty Redis for each test, the application's output and errors in buffers, and the
 * arguments that point it at the sandbox and Redis.
 */
abstract class ApplicationTestSupport {

    static final AtomicLong SONGS = new AtomicLong(5_000_000L);
    static SandboxServer sandbox;
    static TestRedis redis;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    long song;

    @BeforeAll
    static void startServers() throws Exception {
        sandbox = SandboxServer.start(SandboxSettings.defaults().withLatencyMs(40));
        redis = TestRedis.start(null);
    }

    @AfterAll
    static void stopServers() {
        sandbox.close();
        redis.close();
    }

    @BeforeEach
    void freshSongAndEmptyRedis() {
        song = SONGS.incrementAndGet();
        redis.flushAll();
        sandbox.clearPermanentFaults();
        sandbox.stats().reset();
    }

    Application application() {
        return new Application(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--weapi.base-url=" + sandbox.baseUrl(),
                "--weapi.rsa-modulus=" + sandbox.rsaModulusHex(),
                "--weapi.rsa-public-exponent=" + sandbox.rsaPublicExponentHex(),
                "--redis.url=" + redis.url(),
                "--harvest.song-ids=" + song,
                "--harvest.pages=6",
                "--harvest.concurrency=3",
                "--harvest.retry-delay-ms=10",
                "--harvest.retry-max-delay-ms=40",
                "--harvest.max-requests-per-second=0",
                "--harvest.rate-limit-pause-ms=50",
                "--harvest.rate-limit-max-pause-ms=200"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
