package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.embed.HarvestCalls;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * direct:harvest against the sandbox and a real Redis, the application started with harvest.run-at-start=false as
 * an integration platform would: each call harvests what its headers name and replies with the summary as JSON;
 * calls at once stay within harvest.concurrency together.
 */
class HarvestOnCallIT extends HarvestTestSupport {

    static final int CONCURRENCY = 3;

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(
            SandboxSettings.defaults().withCommentsPerThread(120).withLatencyMs(40));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    final ObjectMapper json = new ObjectMapper();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.run-at-start", "false");
        properties.put("harvest.page-size", "10");
        properties.put("harvest.concurrency", String.valueOf(CONCURRENCY));
        properties.put("harvest.resume", "false");
    }

    private JsonNode call(String resources, String pages) throws Exception {
        String reply = template.requestBodyAndHeaders(
                "direct:harvest",
                null,
                Map.of(HarvestCalls.RESOURCES, resources, HarvestCalls.PAGES, pages),
                String.class);
        return json.readTree(reply);
    }

    private Set<String> storedIds(String key) {
        return redis().template().opsForHash().keys(key).stream()
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    private Set<String> corpusIds(String threadId) {
        return sandbox().corpus().comments(threadId).stream()
                .map(c -> c.get("commentId").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void aCallHarvestsTheResourcesOfItsHeadersAndRepliesWithTheSummary() throws Exception {
        JsonNode summary = call("song:7100001,album:7100002", "all");

        assertThat(summary.get("exitCode").asInt()).as(summary.toString()).isZero();
        assertThat(summary.get("resources").asInt()).isEqualTo(2);
        assertThat(summary.get("pagesFailed").asInt()).isZero();
        assertThat(summary.get("commentsAdded").asLong()).isEqualTo(240);
        assertThat(summary.get("commentsStored").asLong()).isEqualTo(240);
        assertThat(summary.get("complete").asBoolean()).isTrue();
        JsonNode song = summary.get("threads").get(0);
        assertThat(song.get("resource").asText()).isEqualTo("song:7100001");
        assertThat(song.get("totalCount").asLong()).isEqualTo(120);
        assertThat(song.get("completeness").asDouble()).isEqualTo(1.0);
        assertThat(song.get("endReached").asBoolean()).isTrue();
        assertThat(storedIds("music_comment:7100001")).isEqualTo(corpusIds("R_SO_4_7100001"));
        assertThat(storedIds("music_comment:album:7100002")).isEqualTo(corpusIds("R_AL_3_7100002"));
        assertThat(redis().template().opsForHash().entries("music_comment:7100001:meta"))
                .containsEntry("endReached", "true")
                .containsEntry("stored", "120");
        // nothing ran at start: every request was this call's
        assertThat(summary.get("pagesOk").asInt()).isEqualTo(sandbox().stats().requestCount());
    }

    @Test
    void aPageCountHarvestsTheNewestPagesOnly() throws Exception {
        JsonNode summary = call("song:7100003", "2");

        assertThat(summary.get("exitCode").asInt()).isZero();
        assertThat(summary.get("commentsStored").asLong()).isEqualTo(20);
        assertThat(summary.get("threads").get(0).get("endReached").asBoolean()).isFalse();
    }

    @Test
    void callsAtOnceEachGetTheirOwnSummaryAndShareTheConcurrencyLimit() throws Exception {
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> quietly("song:7100004"));
        CompletableFuture<JsonNode> second = CompletableFuture.supplyAsync(() -> quietly("song:7100005"));
        JsonNode one = first.get(60, TimeUnit.SECONDS);
        JsonNode two = second.get(60, TimeUnit.SECONDS);

        assertThat(one.get("commentsAdded").asLong()).isEqualTo(120);
        assertThat(two.get("commentsAdded").asLong()).isEqualTo(120);
        assertThat(one.get("threads").get(0).get("resource").asText()).isEqualTo("song:7100004");
        assertThat(two.get("threads").get(0).get("resource").asText()).isEqualTo("song:7100005");
        assertThat(one.get("pagesOk").asInt() + two.get("pagesOk").asInt())
                .isEqualTo(sandbox().stats().requestCount());
        assertThat(sandbox().stats().maxInFlight()).isEqualTo(CONCURRENCY);
    }

    @Test
    void aCallWithoutResourcesFailsWithTheReason() {
        assertThatThrownBy(() -> template.requestBodyAndHeaders(
                        "direct:harvest", null, Map.of(HarvestCalls.PAGES, "all"), String.class))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("header harvestResources names no resource (song:<id>,album:<id>,...)");
    }

    private JsonNode quietly(String resources) {
        try {
            return call(resources, "all");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
