package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.weapi.WeapiCrypto;

class SandboxFaultsTest {

    private static final String THREAD = "R_SO_4_186016";
    private static final EnumSet<FaultKind> QUICK_KINDS =
            EnumSet.of(FaultKind.HTTP_503, FaultKind.TRUNCATED_JSON, FaultKind.CHEATING, FaultKind.TOO_FREQUENT);

    /** What one harvest saw: every outcome in order, and the comments. */
    private record Harvest(List<String> outcomes, List<JsonNode> comments, Map<Integer, Integer> faultsByPage) {}

    @Test
    void faultsAreDeterministicForASeedAndBoundedPerPage() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults()
                .withCommentsPerThread(230)
                .withFaultRate(0.6)
                .withMaxFaultsPerPage(2)
                .withSeed(7)
                .withFaultKinds(QUICK_KINDS);

        Harvest first = harvest(settings);
        Harvest second = harvest(settings);
        Harvest otherSeed = harvest(settings.withSeed(8));

        assertThat(second.outcomes()).isEqualTo(first.outcomes());
        assertThat(otherSeed.outcomes()).isNotEqualTo(first.outcomes());
        assertThat(first.outcomes()).filteredOn(o -> !o.equals("ok")).hasSizeGreaterThan(3);
        assertThat(first.outcomes()).filteredOn("ok"::equals).hasSize(12);
        assertThat(first.faultsByPage().values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(first.faultsByPage().values()).contains(2);
        try (SandboxServer reference = SandboxServer.start(settings)) {
            assertThat(first.comments())
                    .containsExactlyElementsOf(reference.corpus().comments(THREAD));
        }
    }

    /** Pages through the thread in time order with a fresh server, retrying every page until it answers. */
    private static Harvest harvest(SandboxSettings settings) throws IOException {
        try (SandboxServer server = SandboxServer.start(settings)) {
            SandboxClient client = new SandboxClient(server);
            List<String> outcomes = new ArrayList<>();
            List<JsonNode> comments = new ArrayList<>();
            Map<Integer, Integer> faultsByPage = new HashMap<>();
            boolean more = true;
            for (int pageNo = 1; more; pageNo++) {
                for (int attempt = 0; ; attempt++) {
                    assertThat(attempt).isLessThanOrEqualTo(settings.maxFaultsPerPage());
                    SandboxClient.Response response = client.newApi(SandboxClient.newApiRequest(THREAD, pageNo, 20, 3));
                    JsonNode json = okJson(response);
                    List<RecordedRequest> recorded = server.stats().requests();
                    outcomes.add(recorded.get(recorded.size() - 1).outcome());
                    if (json != null) {
                        json.at("/data/comments").forEach(comments::add);
                        more = json.at("/data/hasMore").booleanValue();
                        break;
                    }
                    faultsByPage.merge(pageNo, 1, Integer::sum);
                }
            }
            assertThat(server.stats().countsByOutcome().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(outcomes.size());
            return new Harvest(outcomes, comments, faultsByPage);
        }
    }

    /** The answer's JSON when it is a complete code-200 answer, else null (a fault). */
    private static JsonNode okJson(SandboxClient.Response response) {
        if (response.status() != 200) {
            return null;
        }
        try {
            JsonNode json = SandboxClient.JSON.readTree(response.body());
            return json.get("code").intValue() == 200 ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void eachFaultKindLooksLikeTheRealThing() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxSettings.defaults())) {
            SandboxClient client = new SandboxClient(server);
            ObjectNode page2 = SandboxClient.newApiRequest(THREAD, 2, 20, 3);

            server.failPageAlways(THREAD, 2, FaultKind.HTTP_503);
            SandboxClient.Response unavailable = client.newApi(page2);
            assertThat(unavailable.status()).isEqualTo(503);

            server.failPageAlways(THREAD, 2, FaultKind.CHEATING);
            JsonNode cheating = client.newApi(page2).json();
            assertThat(cheating.get("code").intValue()).isEqualTo(-460);
            assertThat(cheating.get("message").textValue()).isEqualTo("Cheating");

            server.failPageAlways(THREAD, 2, FaultKind.TOO_FREQUENT);
            JsonNode tooFrequent = client.newApi(page2).json();
            assertThat(tooFrequent.get("code").intValue()).isEqualTo(405);
            assertThat(tooFrequent.get("message").textValue()).isEqualTo("操作频繁，请稍候再试");

            server.failPageAlways(THREAD, 2, FaultKind.CAPTCHA);
            SandboxClient.Response captchaAnswer = client.newApi(page2);
            assertThat(captchaAnswer.status()).isEqualTo(200);
            JsonNode captcha = captchaAnswer.json();
            assertThat(captcha.get("code").intValue()).isEqualTo(-462);
            assertThat(captcha.get("message").textValue()).isEqualTo("请完成验证操作");
            assertThat(captcha.at("/data/verifyUrl").textValue()).startsWith("https://st.music.163.com/encrypt-pages");
            assertThat(captcha.at("/data/blockText").textValue()).isNotBlank();
            assertThat(captcha.at("/data/url").textValue())
                    .startsWith("https://st.music.163.com/encrypt-pages?")
                    .contains("verifyToken=" + captcha.at("/data/verifyToken").textValue());
            assertThat(client.newApi(page2).body())
                    .as("the same request, the same answer")
                    .isEqualTo(captchaAnswer.body());

            server.failPageAlways(THREAD, 2, FaultKind.TRUNCATED_JSON);
            SandboxClient.Response truncated = client.newApi(page2);
            server.clearPermanentFaults();
            SandboxClient.Response whole = client.newApi(page2);
            assertThat(truncated.status()).isEqualTo(200);
            assertThat(truncated.body().length).isBetween(whole.body().length / 2 - 1, whole.body().length / 2 + 1);
            assertThat(whole.body()).startsWith(truncated.body());
            assertThatThrownBy(() -> SandboxClient.JSON.readTree(truncated.body()))
                    .isInstanceOf(IOException.class);
            assertThat(whole.json().at("/data/comments")).hasSize(20);

            assertThat(server.stats().requests())
                    .extracting(RecordedRequest::outcome)
                    .containsExactly(
                            "http-503", "cheating", "too-frequent", "captcha", "captcha", "truncated-json", "ok");
        }
    }

    @Test
    void aCaptchaIsInjectedAtRandomOnlyWhenNamed() throws Exception {
        SandboxSettings allDefaults = SandboxSettings.defaults()
                .withFaultRate(1.0)
                .withMaxFaultsPerPage(1000)
                .withHangMs(1);
        try (SandboxServer server = SandboxServer.start(allDefaults)) {
            SandboxClient client = new SandboxClient(server);
            for (int pageNo = 1; pageNo <= 40; pageNo++) {
                client.newApi(SandboxClient.newApiRequest(THREAD, pageNo % 8 + 1, 20, 3));
            }
            assertThat(server.stats().countsByOutcome())
                    .doesNotContainKey("captcha")
                    .hasSizeGreaterThan(3);
        }
        try (SandboxServer server = SandboxServer.start(allDefaults.withFaultKinds(FaultKind.CAPTCHA))) {
            JsonNode json = new SandboxClient(server)
                    .newApi(SandboxClient.newApiRequest(THREAD, 1, 20, 3))
                    .json();
            assertThat(json.get("code").intValue()).isEqualTo(-462);
            assertThat(server.stats().countsByOutcome()).containsExactly(Map.entry("captcha", 1));
        }
    }

    @Test
    void aPermanentlyFailingPageFailsEveryTimeUntilCleared() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxSettings.defaults())) {
            SandboxClient client = new SandboxClient(server);
            server.failPageAlways(THREAD, 3, FaultKind.HTTP_503);

            for (int i = 0; i < 5; i++) {
                assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 3, 10, 3))
                                .status())
                        .isEqualTo(503);
            }
            // matched on the request's own page size: offset 40 is page 3 of 20 on the old API too
            assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 3, 20, 3))
                            .status())
                    .isEqualTo(503);
            ObjectNode old = SandboxClient.object();
            old.put("offset", 40);
            old.put("limit", 20);
            assertThat(client.oldApi(THREAD, old).status()).isEqualTo(503);
            old.put("offset", 30);
            assertThat(client.oldApi(THREAD, old).status()).isEqualTo(200);
            assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 2, 10, 3))
                            .status())
                    .isEqualTo(200);

            server.clearPermanentFaults();
            assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 3, 10, 3))
                            .status())
                    .isEqualTo(200);
            assertThat(server.stats().countsByOutcome())
                    .containsEntry("http-503", 7)
                    .containsEntry("ok", 3);
        }
    }

    @Test
    void theFaultRateCanBeChangedAtRuntime() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults()
                .withFaultRate(1.0)
                .withMaxFaultsPerPage(1000)
                .withFaultKinds(FaultKind.CHEATING);
        try (SandboxServer server = SandboxServer.start(settings)) {
            SandboxClient client = new SandboxClient(server);
            assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 1, 20, 3))
                            .json()
                            .get("code")
                            .intValue())
                    .isEqualTo(-460);

            server.setFaultRate(0.0);

            for (int pageNo = 1; pageNo <= 3; pageNo++) {
                assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, pageNo, 20, 3))
                                .json()
                                .get("code")
                                .intValue())
                        .isEqualTo(200);
            }
            assertThatThrownBy(() -> server.setFaultRate(2.0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

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
            assertThat(server.stats().inFlight()).isEqualTo(1);
            assertThat(server.stats().countsByOutcome()).containsEntry("hang", 1);
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

    @Test
    void aKeyFileIsCreatedThenReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/sandbox-key.properties");
        String modulus;
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withKeyFile(file.toString()))) {
            modulus = server.rsaModulusHex();
        }
        assertThat(file).exists();
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withKeyFile(file.toString()))) {
            assertThat(server.rsaModulusHex()).isEqualTo(modulus);
            SandboxClient client = new SandboxClient(server, new WeapiCrypto(modulus, "010001"));
            assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 1, 5, 3))
                            .json()
                            .get("code")
                            .intValue())
                    .isEqualTo(200);
        }
        Files.writeString(file, "modulus=zz\n");
        assertThatThrownBy(() -> SandboxServer.start(SandboxSettings.defaults().withKeyFile(file.toString())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }
}
