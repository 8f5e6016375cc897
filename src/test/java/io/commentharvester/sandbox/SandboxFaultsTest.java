package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The faults a test puts on a page: each kind as the site gives it, and a page that fails every time until the
 * faults are cleared.
 */
class SandboxFaultsTest {

    private static final String THREAD = "R_SO_4_186016";

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
}
