package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.sandbox.FaultKind;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.sandbox.SandboxStats;
import io.commentharvester.support.InProcessHarvest;
import io.commentharvester.support.JarProcess;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * bin/comment-harvester --observe, as a user runs it as a service: its metrics count what the sandbox served, and
 * its readiness follows a real Redis being stopped and started again.
 */
class ObserveIT {

    private static final int COMMENTS = 500;

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(SandboxSettings.defaults()
            .withCommentsPerThread(COMMENTS)
            .withLatencyMs(10)
            .withFaultRate(0.2)
            .withMaxFaultsPerPage(2)
            .withFaultKinds(FaultKind.HTTP_503, FaultKind.TRUNCATED_JSON, FaultKind.TOO_FREQUENT, FaultKind.CHEATING)
            .withSeed(5));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    private static final Pattern SUMMARY = Pattern.compile(
            "harvest done: 1 resource\\(s\\), (\\d+) page\\(s\\) ok, (\\d+) failed, (\\d+) comments added");
    private static final Pattern SAMPLE = Pattern.compile("^(harvest_[a-z_]+(?:\\{[^}]*})?) (\\S+)$");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private JarProcess service;

    @AfterEach
    void stopService() throws Exception {
        if (service != null && service.process().isAlive()) {
            service.process().destroy();
            service.exitCode();
        }
    }

    @Test
    void metricsCountWhatTheSandboxServedAndReadinessFollowsRedis() throws Exception {
        int port = TestRedis.freePort();
        SANDBOX.server().stats().reset();
        service = JarProcess.launch(
                Map.of(),
                InProcessHarvest.args(
                        SANDBOX.server(),
                        REDIS,
                        "--observe",
                        "--harvest.observe-port=" + port,
                        "--harvest.schedule=1h",
                        "--harvest.resources=song:91",
                        "--harvest.pages=all",
                        "--harvest.concurrency=4",
                        "--harvest.max-requests-per-second=0",
                        "--harvest.rate-limit-pause-ms=50",
                        "--harvest.rate-limit-max-pause-ms=100",
                        "--redis.key-prefix=observe:"));
        await().atMost(Duration.ofSeconds(90))
                .until(() -> service.text().contains("harvest done:")
                        || !service.process().isAlive());
        Matcher summary = SUMMARY.matcher(service.text());
        assertThat(summary.find()).as(service.text()).isTrue();

        Map<String, Double> metrics = metrics(port);
        SandboxStats served = SANDBOX.server().stats();
        int ok = served.count("ok");
        int rateLimited = served.count("http-503") + served.count("too-frequent") + served.count("cheating");
        int malformed = served.count("truncated-json");
        assertThat(rateLimited).as("faults were served").isPositive();
        assertThat(metrics)
                .as(service.text())
                .containsEntry("harvest_requests_total{outcome=\"ok\"}", (double) ok)
                .containsEntry("harvest_requests_total{outcome=\"rate-limited\"}", (double) rateLimited)
                .containsEntry("harvest_requests_total{outcome=\"malformed\"}", (double) malformed)
                .containsEntry("harvest_requests_total{outcome=\"other\"}", 0.0)
                .containsEntry("harvest_request_duration_seconds_count", (double) served.requestCount())
                .containsEntry("harvest_requests_in_flight", 0.0)
                .containsEntry("harvest_pages_total{state=\"ok\"}", Double.valueOf(summary.group(1)))
                .containsEntry("harvest_pages_total{state=\"failed\"}", Double.valueOf(summary.group(2)))
                .containsEntry("harvest_comments_added_total", Double.valueOf(summary.group(3)))
                .containsEntry("harvest_comments_added_total", (double) COMMENTS);
        assertThat(sum(metrics, "harvest_requests_total{")).isEqualTo(served.requestCount());
        assertThat(sum(metrics, "harvest_retries_total{"))
                .as("every failed answer was retried")
                .isEqualTo(served.requestCount() - ok);
        assertThat(metrics.get("harvest_retries_total{cause=\"rate-limited\"}")).isEqualTo(rateLimited);
        long pausesLogged = service.text()
                .lines()
                .filter(line -> line.contains("Pausing every request"))
                .count();
        assertThat(metrics.get("harvest_pauses_total"))
                .isEqualTo((double) pausesLogged)
                .isPositive();

        assertThat(health(port, "/observe/health/ready")).isEqualTo(200);
        REDIS.stopServer();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> health(port, "/observe/health/ready") == 503);
            assertThat(body(port, "/observe/health/ready")).contains("\"name\":\"redis\",\"status\":\"DOWN\"");
        } finally {
            REDIS.startServer();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> health(port, "/observe/health/ready") == 200);
    }

    private Map<String, Double> metrics(int port) throws IOException, InterruptedException {
        Map<String, Double> samples = new HashMap<>();
        body(port, "/observe/metrics").lines().forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(sample.group(1), Double.valueOf(sample.group(2)));
            }
        });
        return samples;
    }

    private static long sum(Map<String, Double> metrics, String prefix) {
        return Math.round(metrics.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue)
                .sum());
    }

    private int health(int port, String path) throws IOException, InterruptedException {
        return http.send(request(port, path), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String body(int port, String path) throws IOException, InterruptedException {
        return http.send(request(port, path), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
    }
}
