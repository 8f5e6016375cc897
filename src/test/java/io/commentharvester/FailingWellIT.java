package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.commentharvester.support.JarProcess;
import io.commentharvester.support.TestRedis;

/**
 * An API host that cannot be reached (no such name, nothing listening) stops the run after its first page with
 * one line naming the host and suggesting --sandbox, exit 1; no exit leaves the embedded Redis running or talks of
 * a signal that never came.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FailingWellIT {

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String baseUrl) {
        // the defaults' retry delays and give-up time: only the fast path can end this run quickly
        return new Application(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("--weapi.base-url=" + baseUrl, "--redis.url=" + REDIS.url(), "--harvest.song-ids=6200001");
    }

    private List<String> messageLines() {
        return err.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("comment-harvester:"))
                .toList();
    }

    @Test
    void anUnknownHostStopsTheRunAtOnceWithOneLine() {
        long start = System.nanoTime();
        assertThat(run("https://no-such-host.invalid")).isEqualTo(ExitCodes.ERROR);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
        assertThat(messageLines())
                .singleElement()
                .asString()
                .contains("cannot reach no-such-host.invalid: unknown host")
                .contains("--sandbox");
    }

    @Test
    void aClosedPortStopsTheRunAtOnceWithOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();
        assertThat(run("http://127.0.0.1:" + port)).isEqualTo(ExitCodes.ERROR);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
        assertThat(messageLines())
                .singleElement()
                .asString()
                .contains("cannot reach 127.0.0.1: connection refused")
                .contains("--sandbox");
    }

    @Test
    void theJarStopsItsEmbeddedRedisAndNamesNoSignal(@TempDir Path dataDir) throws Exception {
        JarProcess unreachable = JarProcess.start(
                Map.of("REDIS_URL", ""),
                List.of(),
                "--weapi.base-url=https://no-such-host.invalid",
                "--redis.embedded-dir=" + dataDir);
        assertThat(unreachable.exitCode()).as(unreachable.text()).isEqualTo(1);
        assertThat(unreachable.text())
                .contains("Stopped embedded Redis")
                .doesNotContain("SIGTERM")
                .contains("cannot reach no-such-host.invalid");

        JarProcess badInput = JarProcess.start(
                Map.of("REDIS_URL", ""), List.of(), "--harvest.pages=0", "--redis.embedded-dir=" + dataDir);
        assertThat(badInput.exitCode()).as(badInput.text()).isEqualTo(2);
        assertThat(badInput.text())
                .contains("harvest.pages='0'")
                .doesNotContain("SIGTERM")
                .doesNotContain("Started embedded Redis");
    }

    @Test
    void aBrokenExpressionInARouteNamesFileAndLineAndLeavesNoRedisRunning(@TempDir Path dataDir, @TempDir Path routes)
            throws Exception {
        Files.writeString(routes.resolve("broken.camel.yaml"), """
                - route:
                    id: broken-expression
                    from:
                      uri: timer:broken?repeatCount=1
                      steps:
                        - log: "stored ${exchangeProperty.page"
                """);

        JarProcess broken = JarProcess.start(
                Map.of("REDIS_URL", ""),
                List.of(),
                "--sandbox",
                "--camel.main.routes-include-pattern=file:" + routes + "/*.camel.yaml",
                "--redis.embedded-dir=" + dataDir);

        assertThat(broken.exitCode()).as(broken.text()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(broken.text())
                .contains("the routes do not start: ")
                .contains("broken.camel.yaml:6 (route broken-expression)")
                .contains("Started embedded Redis")
                .doesNotContain("SIGTERM");
        // the embedded Redis the run started no longer answers on its port
        Matcher started = Pattern.compile("Started embedded Redis on 127\\.0\\.0\\.1:(\\d+)")
                .matcher(broken.text());
        assertThat(started.find()).as(broken.text()).isTrue();
        int port = Integer.parseInt(started.group(1));
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .as("nothing listens on " + port)
                .isInstanceOf(ConnectException.class);
    }
}
