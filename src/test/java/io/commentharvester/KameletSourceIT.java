package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * The netease-comments-source kamelet in the usage snippet of the README (src/test/resources/embed), against the
 * sandbox and a real Redis: every comment of the thread arrives once, as JSON.
 */
class KameletSourceIT extends HarvestTestSupport {

    static final int COMMENTS = 150;
    static final String SONG = "7300001";

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(
            SandboxSettings.defaults().withCommentsPerThread(COMMENTS).withLatencyMs(5));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    final ObjectMapper json = new ObjectMapper();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.run-at-start", "false");
        properties.put("harvest.page-size", "20");
        properties.put("harvest.resume", "false");
        properties.put(
                "camel.main.routes-include-pattern",
                "file:routes/*.camel.yaml,file:src/test/resources/embed/netease-comments.camel.yaml");
        properties.put("comments.resources", "song:" + SONG);
        properties.put("comments.sink", "mock:comments");
    }

    @Test
    void everyCommentOfTheThreadIsEmittedOnceAsJson() throws Exception {
        MockEndpoint comments = getMockEndpoint("mock:comments");
        comments.expectedMessageCount(COMMENTS);
        comments.setResultWaitTime(TimeUnit.SECONDS.toMillis(60));
        comments.assertIsSatisfied();
        // and no more arrive after the last one
        comments.setAssertPeriod(500);
        comments.assertIsSatisfied();

        List<String> ids = new ArrayList<>();
        for (Exchange exchange : comments.getExchanges()) {
            JsonNode comment = json.readTree(exchange.getIn().getBody(String.class));
            ids.add(comment.get("commentId").asText());
            assertThat(comment.get("content").asText()).isNotBlank();
            assertThat(exchange.getIn().getHeader("Content-Type")).isEqualTo("application/json");
        }
        Set<String> corpus = sandbox().corpus().comments("R_SO_4_" + SONG).stream()
                .map(c -> c.get("commentId").asText())
                .collect(Collectors.toSet());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(corpus);
    }
}
