package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.commentharvester.weapi.WeapiCrypto;
import io.commentharvester.weapi.WeapiForm;

/**
 * The server as a whole: its address and public key, the encryption both APIs share (an encSecKey without its
 * leading zeros, tampered or foreign requests), unknown paths, and the stats endpoint.
 */
class SandboxServerTest extends SandboxServerTestSupport {

    @Test
    void listensOnLoopbackWithAPublicKeyWeapiCryptoAccepts() {
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.port()).isPositive();
        assertThat(server.rsaPublicExponentHex()).isEqualTo("010001");
        assertThat(server.rsaModulusHex()).matches("[0-9a-f]{256}");
        assertThat(server.describe())
                .contains(
                        server.baseUrl(),
                        SandboxServer.NEW_API_PATH,
                        SandboxServer.OLD_API_PREFIX,
                        server.rsaModulusHex());
    }

    @Test
    void acceptsAnEncSecKeyWithoutItsLeadingZeros() {
        WeapiCrypto crypto = client.crypto();
        String text = SandboxClient.newApiRequest(THREAD, 1, 5, 3).toString();
        WeapiForm padded = null;
        for (int i = 0; padded == null || !padded.encSecKey().startsWith("0"); i++) {
            assertThat(i).isLessThan(2_000);
            padded = crypto.encrypt(text);
        }
        String unpadded = new BigInteger(padded.encSecKey(), 16).toString(16);

        JsonNode json = client.postForm(SandboxServer.NEW_API_PATH, new WeapiForm(padded.params(), unpadded))
                .json();

        assertThat(json.get("code").intValue()).isEqualTo(200);
        assertThat(single().encSecKeyLength()).isEqualTo(unpadded.length()).isLessThan(256);
    }

    @Test
    void tamperedOrForeignRequestsAreBadRequests() {
        String text = SandboxClient.newApiRequest(THREAD, 1, 20, 2).toString();
        WeapiForm good = client.crypto().encrypt(text);
        int middle = good.params().length() / 2;
        String tamperedParams = good.params().substring(0, middle)
                + (good.params().charAt(middle) == 'A' ? 'B' : 'A')
                + good.params().substring(middle + 1);
        String tamperedKey = (good.encSecKey().charAt(100) == '1' ? "2" : "1");
        tamperedKey = good.encSecKey().substring(0, 100)
                + tamperedKey
                + good.encSecKey().substring(101);

        List<SandboxClient.Response> answers = List.of(
                client.postForm(SandboxServer.NEW_API_PATH, new WeapiForm(tamperedParams, good.encSecKey())),
                client.postForm(SandboxServer.NEW_API_PATH, new WeapiForm(good.params(), tamperedKey)),
                client.postForm(
                        SandboxServer.NEW_API_PATH, WeapiCrypto.netease().encrypt(text)),
                client.postForm(SandboxServer.NEW_API_PATH, new WeapiForm(good.params(), "xyz")),
                client.postForm(SandboxServer.NEW_API_PATH, new WeapiForm("", good.encSecKey())),
                client.postForm(SandboxServer.NEW_API_PATH, "params=abc", null),
                client.postForm(SandboxServer.OLD_API_PREFIX + THREAD, "", null),
                client.post(SandboxServer.NEW_API_PATH, "not json", null),
                client.post(SandboxServer.NEW_API_PATH, "[1,2]", null));

        for (SandboxClient.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(200);
            JsonNode json = answer.json();
            assertThat(json.get("code").intValue()).as(answer.text()).isEqualTo(400);
            assertThat(json.get("message").textValue()).isNotEmpty();
            assertThat(json.get("data").isNull()).isTrue();
        }
        assertThat(server.stats().countsByOutcome())
                .containsOnlyKeys("bad-request")
                .containsEntry("bad-request", 9);
        List<RecordedRequest> recorded = server.stats().requests();
        assertThat(recorded.subList(0, 4))
                .allSatisfy(r -> assertThat(r.innerJson()).isNull());
        assertThat(recorded.get(7).innerJson()).isEqualTo("not json");
    }

    @Test
    void unknownPathsAndMethodsAreNotFound() {
        SandboxClient.Response other = client.post("/weapi/song/detail", "{}", null);
        SandboxClient.Response get = client.get(SandboxServer.NEW_API_PATH);

        assertThat(other.status()).isEqualTo(404);
        assertThat(get.status()).isEqualTo(404);
        assertThat(server.stats().countsByOutcome()).containsEntry("not-found", 2);
    }

    @Test
    void theStatsEndpointReportsTheCounts() {
        client.newApi(SandboxClient.newApiRequest(THREAD, 1, 5, 3));
        client.newApi(SandboxClient.newApiRequest(THREAD, 2, 5, 3));
        client.post(SandboxServer.NEW_API_PATH, "{}", null);
        client.get("/nothing");

        SandboxClient.Response response = client.get(SandboxServer.STATS_PATH);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
        JsonNode json = response.json();
        assertThat(json.get("requestCount").intValue()).isEqualTo(4);
        assertThat(json.at("/countsByOutcome/ok").intValue()).isEqualTo(2);
        assertThat(json.at("/countsByOutcome/bad-request").intValue()).isEqualTo(1);
        assertThat(json.at("/countsByOutcome/not-found").intValue()).isEqualTo(1);
        assertThat(json.get("inFlight").isInt()).isTrue();
        assertThat(json.get("maxInFlight").intValue()).isGreaterThanOrEqualTo(1);
        assertThat(server.stats().requestCount()).isEqualTo(4);
    }
}
