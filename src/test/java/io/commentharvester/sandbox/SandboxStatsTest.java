package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SandboxStatsTest {

    private final AtomicLong nanos = new AtomicLong(42_000_000_000L);
    private final SandboxStats stats = new SandboxStats(nanos::get);

    private void at(long ms) {
        nanos.set(42_000_000_000L + TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void averageInFlightIsTimeWeightedFromTheFirstStartToTheLastEnd() {
        at(0);
        stats.entered();
        at(100);
        stats.entered();
        at(300);
        stats.left();
        at(400);
        stats.left();

        // 1 for 100 ms, 2 for 200 ms, 1 for 100 ms
        assertThat(stats.averageInFlight()).isCloseTo(1.5, within(1e-9));
        assertThat(stats.inFlightWindowMillis()).isCloseTo(400, within(1e-9));
        assertThat(stats.maxInFlight()).isEqualTo(2);
        at(5_000);
        assertThat(stats.averageInFlight())
                .as("idle time after the last end does not count")
                .isCloseTo(1.5, within(1e-9));
    }

    @Test
    void gapsInsideTheWindowCountAsNothingInFlight() {
        at(0);
        stats.entered();
        at(100);
        stats.left();
        at(300);
        stats.entered();
        at(400);
        stats.left();

        assertThat(stats.averageInFlight()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void whileRequestsAreInFlightTheWindowRunsToNow() {
        at(0);
        stats.entered();
        stats.entered();
        at(250);
        stats.entered();
        at(500);

        assertThat(stats.averageInFlight()).isCloseTo((2 * 250 + 3 * 250) / 500.0, within(1e-9));
        assertThat(stats.inFlightWindowMillis()).isCloseTo(500, within(1e-9));
    }

    @Test
    void beforeAnyRequestTheAverageIsZero() {
        assertThat(stats.averageInFlight()).isZero();
        assertThat(stats.inFlightWindowMillis()).isZero();
    }

    @Test
    void resetStartsTheWindowAfreshAndKeepsRequestsInFlight() {
        at(0);
        stats.entered();
        stats.entered();
        at(1_000);
        stats.left();
        stats.reset();
        at(1_200);
        stats.left();

        assertThat(stats.inFlight()).isZero();
        assertThat(stats.averageInFlight())
                .as("1 in flight from the reset to its end")
                .isCloseTo(1.0, within(1e-9));
        assertThat(stats.requestCount()).isZero();
        at(2_000);
        stats.entered();
        at(2_100);
        stats.left();
        assertThat(stats.averageInFlight()).isCloseTo((200 + 100) / 1_100.0, within(1e-9));
    }

    @Test
    void theStatsEndpointShowsTheCountsInFlightAndTheDecryptedRequests() throws Exception {
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withRequireCookies(true))) {
            SandboxClient client = new SandboxClient(server).withCookie("_ntes_nuid=5e1d; NMTID=00Oa");
            ObjectNode first = SandboxClient.newApiRequest("R_SO_4_1", 1, 5, 3);
            first.put("csrf_token", "csrf-secret-91b2");
            client.post(SandboxServer.NEW_API_PATH + "?csrf_token=csrf-secret-91b2", first.toString(), null);
            ObjectNode old = SandboxClient.object();
            old.put("limit", 3);
            client.oldApi("R_MV_5_2", old);
            new SandboxClient(server).newApi(SandboxClient.newApiRequest("R_SO_4_1", 2, 5, 3));

            JsonNode json = client.get(SandboxServer.STATS_PATH).json();

            assertThat(json.get("requestCount").intValue()).isEqualTo(3);
            assertThat(json.get("inFlight").intValue()).isZero();
            assertThat(json.get("maxInFlight").intValue()).isEqualTo(1);
            assertThat(json.get("averageInFlight").doubleValue()).isBetween(0.0, 1.0);
            assertThat(json.get("inFlightWindowMillis").doubleValue()).isPositive();
            assertThat(json.get("rateLimitPenalties").intValue()).isZero();
            assertThat(json.get("requestsWithCookies").intValue()).isEqualTo(2);
            assertThat(json.get("requestsWithSiteCookies").intValue()).isEqualTo(2);
            assertThat(json.get("countsByOutcome"))
                    .isEqualTo(SandboxClient.JSON.valueToTree(Map.of("ok", 2, "no-cookies", 1)));
            JsonNode recent = json.get("recentRequests");
            assertThat(recent).hasSize(3);
            JsonNode newApi = recent.get(0);
            assertThat(newApi.get("method").textValue()).isEqualTo("POST");
            assertThat(newApi.get("path").textValue()).isEqualTo(SandboxServer.NEW_API_PATH);
            assertThat(newApi.get("query").textValue()).isEqualTo("csrf_token=<redacted>");
            assertThat(newApi.get("outcome").textValue()).isEqualTo("ok");
            assertThat(newApi.get("encSecKeyLength").intValue()).isEqualTo(256);
            assertThat(newApi.get("innerJson").textValue())
                    .isEqualTo(first.toString().replace("csrf-secret-91b2", "<redacted>"));
            assertThat(newApi.at("/cookies/present").booleanValue()).isTrue();
            assertThat(newApi.at("/cookies/siteCookies").booleanValue()).isTrue();
            assertThat(newApi.at("/cookies/names"))
                    .containsExactly(
                            SandboxClient.JSON.valueToTree("_ntes_nuid"), SandboxClient.JSON.valueToTree("NMTID"));
            assertThat(newApi.get("headers").has("cookie")).isFalse();
            assertThat(newApi.at("/headers/referer").textValue()).isEqualTo("https://music.163.com/");
            assertThat(recent.get(1).get("innerJson").textValue()).isEqualTo(old.toString());
            assertThat(recent.get(2).get("outcome").textValue()).isEqualTo("no-cookies");
            assertThat(recent.get(2).at("/cookies/present").booleanValue()).isFalse();
            assertThat(json.toString())
                    .doesNotContain("csrf-secret")
                    .doesNotContain("5e1d")
                    .doesNotContain("00Oa");

            JsonNode latest =
                    client.get(SandboxServer.STATS_PATH + "?recent=1").json().get("recentRequests");
            assertThat(latest).hasSize(1);
            assertThat(latest.get(0).get("outcome").textValue()).isEqualTo("no-cookies");
            assertThat(server.stats().requests().get(0).innerJson())
                    .as("the in-JVM record is verbatim")
                    .isEqualTo(first.toString());
        }
    }

    @Test
    void theRecentCountOfTheStatsQueryIsBounded() {
        assertThat(StatsJson.recent(null)).isEqualTo(100);
        assertThat(StatsJson.recent("recent=7")).isEqualTo(7);
        assertThat(StatsJson.recent("x=1&recent=0")).isZero();
        assertThat(StatsJson.recent("recent=-4")).isZero();
        assertThat(StatsJson.recent("recent=99999999")).isEqualTo(SandboxStats.MAX_RECORDED);
        assertThat(StatsJson.recent("recent=lots")).isEqualTo(100);
    }

    @Test
    void anEmptyCsrfTokenIsShownAsSent() {
        assertThat(StatsJson.redactInnerJson("{\"a\":1,\"csrf_token\":\"\"}"))
                .isEqualTo("{\"a\":1,\"csrf_token\":\"\"}");
        assertThat(StatsJson.redactInnerJson("{\"csrf_token\" : \"a\\\"b\",\"x\":\"y\"}"))
                .isEqualTo("{\"csrf_token\" : \"<redacted>\",\"x\":\"y\"}");
        assertThat(StatsJson.redactQuery("csrf_token=")).isEqualTo("csrf_token=");
        assertThat(StatsJson.redactQuery("a=1&csrf_token=abc&b=2")).isEqualTo("a=1&csrf_token=<redacted>&b=2");
        assertThat(StatsJson.redactQuery(null)).isNull();
        assertThat(List.of(StatsJson.REDACTED)).containsExactly("<redacted>");
    }
}
