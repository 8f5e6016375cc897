package io.commentharvester.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.weapi.WeapiCrypto;
import io.commentharvester.weapi.WeapiForm;

/** A minimal weapi client for the sandbox tests: real HTTP, real encryption. */
final class SandboxClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer server;
    private final HttpClient http;
    private final WeapiCrypto crypto;
    private final String cookie;

    SandboxClient(SandboxServer server) {
        this(server, new WeapiCrypto(server.rsaModulusHex(), server.rsaPublicExponentHex()));
    }

    SandboxClient(SandboxServer server, WeapiCrypto crypto) {
        this(server, crypto, null);
    }

    private SandboxClient(SandboxServer server, WeapiCrypto crypto, String cookie) {
        this.server = server;
        this.crypto = crypto;
        this.cookie = cookie;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client that sends this Cookie header with every weapi request (null: none). */
    SandboxClient withCookie(String value) {
        return new SandboxClient(server, crypto, value);
    }

    WeapiCrypto crypto() {
        return crypto;
    }

    /** The answer: status, content type and raw body. */
    record Response(int status, String contentType, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A new-API request object as the web client sends it (numbers as strings). */
    static ObjectNode newApiRequest(String threadId, int pageNo, int pageSize, int orderType) {
        ObjectNode request = object();
        request.put("rid", threadId);
        request.put("threadId", threadId);
        request.put("pageNo", String.valueOf(pageNo));
        request.put("pageSize", String.valueOf(pageSize));
        request.put("cursor", "-1");
        request.put("offset", String.valueOf((pageNo - 1) * pageSize));
        request.put("orderType", String.valueOf(orderType));
        request.put("csrf_token", "");
        return request;
    }

    Response newApi(JsonNode request) {
        return post(SandboxServer.NEW_API_PATH + "?csrf_token=", request.toString(), null);
    }

    Response oldApi(String threadId, JsonNode request) {
        return post(SandboxServer.OLD_API_PREFIX + threadId + "?csrf_token=", request.toString(), null);
    }

    /** Encrypts {@code text} and posts it. */
    Response post(String pathAndQuery, String text, Duration timeout) {
        return postForm(pathAndQuery, crypto.encrypt(text).toFormBody(), timeout);
    }

    Response postForm(String pathAndQuery, WeapiForm form) {
        return postForm(pathAndQuery, form.toFormBody(), null);
    }

    Response postForm(String pathAndQuery, String formBody, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) sandbox-test")
                .header("Referer", "https://music.163.com/")
                .header("Origin", "https://music.163.com")
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (timeout != null) {
            request.timeout(timeout);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .GET()
                .build());
    }

    /** Sends without catching anything, for tests that expect a timeout. */
    HttpResponse<byte[]> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = sendRaw(request);
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
