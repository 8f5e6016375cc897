package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Slow answers: a hang against a short client timeout and at close, a hang that then answers, and a latency that
 * keeps parallel requests in flight together, as the stats count them.
 */
class SandboxSlowAnswersTest {

    private static final String THREAD = "R_SO_4_186016";

    @Test
    void aHangOutlastsAShortClientTimeoutAndCloseDoesNotWaitForIt() throws Exception {
        SandboxServer server = SandboxServer.start(SandboxSettings.defaults().withHangMs(2_000));
        try {
            server.failPageAlways(THREAD, 1, FaultKind.HANG);
            SandboxClient client = new SandboxClient(server);
            String text = SandboxClient.newApiRequest(THREAD, 1, 20, 3).toString();
            String form = client.crypto().encrypt(text).toFormBody();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + SandboxServer.NEW_API_PATH))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofMillis(200))
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                    .build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> client.sendRaw(request)).isInstanceOf(HttpTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
            // the client gave up and the server still holds the request (on a loaded machine it may get to it only now)
            await().atMost(Duration.ofSeconds(1))
                    .until(() -> server.stats().countsByOutcome().getOrDefault("hang", 0) == 1);
            assertThat(server.stats().inFlight()).isEqualTo(1);
        } finally {
            long closing = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofMillis(1_000));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> server.stats().inFlight() == 0);
    }

    @Test
    void aHangThenAnswersNormally() throws Exception {
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withHangMs(150))) {
            server.failPageAlways(THREAD, 1, FaultKind.HANG);
            SandboxClient client = new SandboxClient(server);

            long started = System.nanoTime();
            JsonNode json =
                    client.newApi(SandboxClient.newApiRequest(THREAD, 1, 20, 3)).json();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(json.at("/data/comments"))
                    .containsExactlyElementsOf(server.corpus().comments(THREAD).subList(0, 20));
        }
    }

    @Test
    void statsCountInFlightRequestsUnderParallelLoad() throws Exception {
        int n = 8;
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withLatencyMs(300))) {
            SandboxClient client = new SandboxClient(server);
            String text = SandboxClient.newApiRequest(THREAD, 1, 20, 3).toString();
            // one request first, so that class loading on either side cannot spread the parallel ones apart
            assertThat(client.post(SandboxServer.NEW_API_PATH, text, null).status())
                    .isEqualTo(200);
            server.stats().reset();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<SandboxClient.Response>> answers = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return client.post(SandboxServer.NEW_API_PATH, text, null);
                    }));
                }
                go.countDown();
                for (Future<SandboxClient.Response> answer : answers) {
                    assertThat(answer.get(10, TimeUnit.SECONDS)
                                    .json()
                                    .get("code")
                                    .intValue())
                            .isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }

            await().atMost(Duration.ofSeconds(2)).until(() -> server.stats().inFlight() == 0);
            assertThat(server.stats().maxInFlight()).isEqualTo(n);
            assertThat(server.stats().averageInFlight())
                    .as("time-weighted")
                    .isGreaterThanOrEqualTo(0.6 * n)
                    .isLessThanOrEqualTo(n);
            assertThat(server.stats().requestCount()).isEqualTo(n);
            assertThat(server.stats().countsByOutcome()).containsExactly(Map.entry("ok", n));
        }
    }
}
