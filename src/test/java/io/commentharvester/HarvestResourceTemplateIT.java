package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * The harvest-resource route template, instantiated twice from properties as a platform would: both instances
 * harvest at once, within harvest.concurrency together, and each sends its own summary to its sink.
 */
class HarvestResourceTemplateIT extends HarvestTestSupport {

    static final int CONCURRENCY = 2;

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(
            SandboxSettings.defaults().withCommentsPerThread(200).withLatencyMs(30));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    final ObjectMapper json = new ObjectMapper();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.run-at-start", "false");
        properties.put("harvest.page-size", "10");
        properties.put("harvest.concurrency", String.valueOf(CONCURRENCY));
        properties.put("harvest.resume", "false");
        instance(properties, "song-first", "song:7200001");
        instance(properties, "song-second", "song:7200002");
    }

    private static void instance(Properties properties, String id, String resources) {
        String prefix = "camel.route-template[" + id + "].";
        properties.put(prefix + "template-id", "harvest-resource");
        properties.put(prefix + "name", id);
        properties.put(prefix + "resources", resources);
        properties.put(prefix + "sink", "mock:summaries");
    }

    @Test
    void twoInstancesHarvestTogetherWithinTheLimit() throws Exception {
        MockEndpoint summaries = getMockEndpoint("mock:summaries");
        summaries.expectedMessageCount(2);
        summaries.setResultWaitTime(TimeUnit.SECONDS.toMillis(60));
        summaries.assertIsSatisfied();

        List<String> resources = new ArrayList<>();
        for (var exchange : summaries.getExchanges()) {
            JsonNode summary = json.readTree(exchange.getIn().getBody(String.class));
            assertThat(summary.get("exitCode").asInt()).as(summary.toString()).isZero();
            assertThat(summary.get("commentsAdded").asLong()).isEqualTo(200);
            resources.add(summary.get("threads").get(0).get("resource").asText());
        }
        assertThat(resources).containsExactlyInAnyOrder("song:7200001", "song:7200002");
        assertThat(context.getRoute("song-first")).isNotNull();
        assertThat(redis().template().opsForHash().size("music_comment:7200001"))
                .isEqualTo(200);
        assertThat(redis().template().opsForHash().size("music_comment:7200002"))
                .isEqualTo(200);

        assertThat(sandbox().stats().maxInFlight()).isEqualTo(CONCURRENCY);
        // together: each thread's pages began before the other's ended
        List<String> threads = new ArrayList<>();
        for (RecordedRequest request : sandbox().stats().requests()) {
            threads.add(json.readTree(request.innerJson()).get("threadId").asText());
        }
        assertThat(threads.indexOf("R_SO_4_7200001")).isLessThan(threads.lastIndexOf("R_SO_4_7200002"));
        assertThat(threads.indexOf("R_SO_4_7200002")).isLessThan(threads.lastIndexOf("R_SO_4_7200001"));
    }
}
