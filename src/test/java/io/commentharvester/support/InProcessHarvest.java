package io.commentharvester.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.commentharvester.Application;
import io.commentharvester.sandbox.SandboxServer;

/**
 * Runs the application as its main method does (arguments, exit code, summary on its output), in the test's JVM,
 * against a sandbox and a real Redis; keeps what it printed. One instance per test.
 */
public final class InProcessHarvest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A new application that prints into this harvest's buffers (emptied first). */
    public Application application() {
        out.reset();
        err.reset();
        return new Application(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs with {@link #args} and answers the exit code. */
    public int run(SandboxServer sandbox, TestRedis redis, String... extra) {
        return application().run(args(sandbox, redis, extra));
    }

    /**
     * The arguments that point a harvest at the sandbox and the Redis, with retries 10 to 40 ms apart, then
     * {@code extra} (later values win).
     */
    public static String[] args(SandboxServer sandbox, TestRedis redis, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--weapi.base-url=" + sandbox.baseUrl(),
                "--weapi.rsa-modulus=" + sandbox.rsaModulusHex(),
                "--weapi.rsa-public-exponent=" + sandbox.rsaPublicExponentHex(),
                "--redis.url=" + redis.url(),
                "--harvest.retry-delay-ms=10",
                "--harvest.retry-max-delay-ms=40"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    /** No rate cap and short rate-limit pauses: for tests that measure something else than politeness. */
    public static final String[] UNTHROTTLED = {
        "--harvest.max-requests-per-second=0",
        "--harvest.rate-limit-pause-ms=50",
        "--harvest.rate-limit-max-pause-ms=200"
    };

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Both streams, for assertion messages. */
    public String output() {
        return out() + err();
    }
}
