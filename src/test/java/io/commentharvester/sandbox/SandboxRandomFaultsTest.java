package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Faults at random: the same for a seed and bounded per page, a captcha only when named, and a fault rate changed
 * while the server runs.
 */
class SandboxRandomFaultsTest {

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
}
