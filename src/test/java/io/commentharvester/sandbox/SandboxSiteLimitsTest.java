package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** What the site does to clients it does not like: the rate limit, the captcha, the cookie check. */
class SandboxSiteLimitsTest {

    private static final String THREAD = "R_SO_4_186016";

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    private void advanceMs(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private static JsonNode page(SandboxClient client, int pageNo) {
        return client.newApi(SandboxClient.newApiRequest(THREAD, pageNo, 20, 3)).json();
    }

    @Test
    void pastTheRateLimitEveryRequestGets405UntilThePenaltyIsOver() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().withRateLimit(3).withPenaltyMs(2_000);
        try (SandboxServer server = SandboxServer.start(settings, nanos::get)) {
            assertThat(server.describe()).contains("rate limit 3/s (penalty 2000 ms)");
            SandboxClient client = new SandboxClient(server);
            for (int pageNo = 1; pageNo <= 3; pageNo++) {
                assertThat(page(client, pageNo).get("code").intValue()).isEqualTo(200);
            }

            SandboxClient.Response refused = client.newApi(SandboxClient.newApiRequest(THREAD, 4, 20, 3));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.json()).hasToString("{\"code\":405,\"message\":\"操作频繁，请稍候再试\"}");
            advanceMs(1_500);
            assertThat(page(client, 4).get("code").intValue())
                    .as("during the penalty")
                    .isEqualTo(405);
            assertThat(client.oldApi(THREAD, SandboxClient.object())
                            .json()
                            .get("code")
                            .intValue())
                    .as("the limit concerns the address, not the page or the API")
                    .isEqualTo(405);
            advanceMs(500);
            assertThat(page(client, 4).get("code").intValue())
                    .as("penalty-ms after the violation")
                    .isEqualTo(200);

            assertThat(server.stats().countsByOutcome()).containsEntry("ok", 4).containsEntry("rate-limited", 3);
            assertThat(server.stats().rateLimitPenalties()).isEqualTo(1);
            JsonNode json = client.get(SandboxServer.STATS_PATH).json();
            assertThat(json.at("/countsByOutcome/rate-limited").intValue()).isEqualTo(3);
            assertThat(json.get("rateLimitPenalties").intValue()).isEqualTo(1);
        }
    }

    @Test
    void aBurstDuringThePenaltyRestartsIt() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().withRateLimit(2).withPenaltyMs(3_000);
        try (SandboxServer server = SandboxServer.start(settings, nanos::get)) {
            SandboxClient client = new SandboxClient(server);
            for (int i = 0; i < 3; i++) {
                page(client, 1);
            }
            advanceMs(1_000);
            for (int i = 0; i < 3; i++) {
                assertThat(page(client, 1).get("code").intValue()).isEqualTo(405);
            }

            advanceMs(2_500);
            assertThat(page(client, 1).get("code").intValue())
                    .as("3.5 s after the first violation")
                    .isEqualTo(405);
            advanceMs(500);
            assertThat(page(client, 1).get("code").intValue()).isEqualTo(200);
            assertThat(server.stats().rateLimitPenalties()).isEqualTo(2);
        }
    }

    @Test
    void onTheRealClockAClientThatBacksOffRecovers() throws Exception {
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withRateLimit(2).withPenaltyMs(300))) {
            SandboxClient client = new SandboxClient(server);
            page(client, 1);
            page(client, 1);
            assertThat(page(client, 1).get("code").intValue()).isEqualTo(405);

            // polls a second apart: the burst leaves the window, the penalty ends, the next request passes
            await().pollDelay(Duration.ofMillis(1_100))
                    .pollInterval(Duration.ofMillis(1_100))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> page(client, 1).get("code").intValue() == 200);
        }
    }

    @Test
    void withRequireCookiesARequestWithoutTheSitesCookiesGetsCheating() throws Exception {
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withRequireCookies(true))) {
            SandboxClient plain = new SandboxClient(server);
            for (String cookie : new String[] {null, "", "MUSIC_U=abc; os=pc", "NMTID=", "_ntes_nuid", "nmtid=1"}) {
                JsonNode json = page(plain.withCookie(cookie), 1);
                assertThat(json).as("cookie %s", cookie).hasToString("{\"code\":-460,\"message\":\"Cheating\"}");
            }
            assertThat(plain.withCookie("os=pc")
                            .oldApi(THREAD, SandboxClient.object())
                            .json()
                            .get("code")
                            .intValue())
                    .isEqualTo(-460);
            for (String cookie :
                    new String[] {"_ntes_nuid=4d2f0a1c", "NMTID=00Oxyz", "os=pc; NMTID=00O1;_ntes_nuid=ab"}) {
                assertThat(page(plain.withCookie(cookie), 1).get("code").intValue())
                        .as(cookie)
                        .isEqualTo(200);
            }
            assertThat(server.stats().countsByOutcome())
                    .containsEntry("no-cookies", 7)
                    .containsEntry("ok", 3);
        }
    }

    @Test
    void whetherCookiesCameIsRecordedButNeverTheirValuesInTheStatsJson() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxSettings.defaults())) {
            SandboxClient client = new SandboxClient(server);
            page(client, 1);
            page(client.withCookie("MUSIC_U=secret-login-4f2a; os=pc"), 1);
            page(client.withCookie("_ntes_nuid=secret-nuid-91c3; NMTID=secret-nmtid-77d0"), 1);

            assertThat(server.stats().requests())
                    .extracting(RecordedRequest::cookies)
                    .containsExactly(
                            RequestCookies.NONE,
                            new RequestCookies(true, false, List.of("MUSIC_U", "os")),
                            new RequestCookies(true, true, List.of("_ntes_nuid", "NMTID")));
            String json = client.get(SandboxServer.STATS_PATH).text();
            assertThat(json).doesNotContain("secret-").contains("_ntes_nuid");
        }
    }

    @Test
    void cookieHeadersAreReadByName() {
        assertThat(RequestCookies.parse(null)).isEqualTo(RequestCookies.NONE);
        assertThat(RequestCookies.parse(List.of(" ; "))).isEqualTo(RequestCookies.NONE);
        assertThat(RequestCookies.parse(List.of("a=1;b", " NMTID = 2 ")))
                .isEqualTo(new RequestCookies(true, true, List.of("a", "b", "NMTID")));
        assertThat(RequestCookies.parse(List.of("_ntes_nuid= ; x=1")).siteCookies())
                .isFalse();
    }

    @Test
    void withoutARateLimitBurstsAreServed() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxSettings.defaults(), nanos::get)) {
            SandboxClient client = new SandboxClient(server);
            for (int i = 0; i < 50; i++) {
                assertThat(page(client, 1).get("code").intValue()).isEqualTo(200);
            }
            assertThat(server.stats().countsByOutcome()).containsOnlyKeys("ok");
        }
    }
}
