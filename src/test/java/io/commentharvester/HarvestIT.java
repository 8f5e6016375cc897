package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.sandbox.RecordedRequest;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * Boots the real application (application.properties, routes/*.camel.yaml, the configuration class)
 * against the sandbox and a real Redis server: every comment of a 200-comment thread, pages of 10, 4 at a time.
 */
class HarvestIT extends HarvestTestSupport {

    static final long SONG = 1359645265L;
    static final int COMMENTS = 200;
    static final int PAGE_SIZE = 10;
    static final int CONCURRENCY = 4;

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(
            SandboxSettings.defaults().withCommentsPerThread(COMMENTS).withLatencyMs(150));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    final ObjectMapper json = new ObjectMapper();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.song-ids", String.valueOf(SONG));
        properties.put("harvest.pages", "all");
        properties.put("harvest.page-size", String.valueOf(PAGE_SIZE));
        properties.put("harvest.concurrency", String.valueOf(CONCURRENCY));
        properties.put("harvest.resume", "false");
    }

    @Test
    void storesEveryCommentOfTheThreadKeyedByCommentId() throws Exception {
        HarvestRun run = awaitRun();

        assertThat(run.exitCode()).isZero();
        assertThat(run.pagesOk()).isEqualTo(sandbox().stats().requestCount());
        assertThat(run.commentsAdded()).isEqualTo(COMMENTS);
        assertThat(run.commentsStored()).isEqualTo(COMMENTS);

        List<ObjectNode> corpus = sandbox().corpus().comments("R_SO_4_" + SONG);
        Map<Object, Object> stored = redis().template().opsForHash().entries("music_comment:" + SONG);
        Set<String> expectedIds =
                corpus.stream().map(c -> c.get("commentId").asText()).collect(Collectors.toSet());
        assertThat(stored.keySet()).map(Object::toString).containsExactlyInAnyOrderElementsOf(expectedIds);

        // none lost when nicknames repeat: far fewer nicknames than comments, yet every comment is there
        Set<String> nicknames = corpus.stream()
                .map(c -> c.path("user").path("nickname").asText())
                .collect(Collectors.toSet());
        assertThat(nicknames.size()).isLessThan(COMMENTS / 2);

        for (ObjectNode comment : corpus) {
            JsonNode value =
                    json.readTree((String) stored.get(comment.get("commentId").asText()));
            assertThat(value.get("content").asText())
                    .isEqualTo(comment.get("content").asText());
            assertThat(value.get("nickname").asText())
                    .isEqualTo(comment.path("user").path("nickname").asText());
            assertThat(value.get("userId").asLong())
                    .isEqualTo(comment.path("user").path("userId").asLong());
            assertThat(value.get("time").asLong()).isEqualTo(comment.get("time").asLong());
            assertThat(value.get("likedCount").asLong())
                    .isEqualTo(comment.get("likedCount").asLong());
            JsonNode replied = comment.path("beReplied");
            if (replied.isArray() && !replied.isEmpty()) {
                assertThat(value.get("beRepliedCommentId").asLong())
                        .isEqualTo(replied.get(0).get("beRepliedCommentId").asLong());
            } else {
                assertThat(value.has("beRepliedCommentId")).isFalse();
            }
        }

        Map<Object, Object> meta = redis().template().opsForHash().entries("music_comment:" + SONG + ":meta");
        assertThat(meta)
                .containsEntry("totalCount", String.valueOf(COMMENTS))
                .containsEntry("stored", String.valueOf(COMMENTS))
                .containsEntry("addedLastRun", String.valueOf(COMMENTS))
                .containsEntry("completeness", "1.0000")
                .containsEntry("endReached", "true")
                .containsEntry("threadId", "R_SO_4_" + SONG)
                .containsKey("lastHarvestAt");
        // the checkpoint says which time ranges are walked, with the order fields used
        Map<Object, Object> walk = redis().template().opsForHash().entries("music_comment:" + SONG + ":walk");
        assertThat(walk).containsEntry("order", "orderType=1").hasSizeGreaterThan(1);
    }

    @Test
    void sendsAtMostTheConfiguredConcurrencyAndReachesItOnASingleThread() {
        awaitRun();
        // this run only (the sandbox's stats are reset before each test's context starts); the one thread is cut
        // into time slices walked in parallel: 20 pages' worth, and a few more where slices meet
        assertThat(sandbox().stats().requestCount()).isBetween(20, 30);
        assertThat(sandbox().stats().maxInFlight()).isEqualTo(CONCURRENCY);
    }

    @Test
    void everyRequestDecryptsWithAFullLengthKeyAndTheWebClientsFields() throws Exception {
        awaitRun();
        List<RecordedRequest> requests = sandbox().stats().requests();
        assertThat(requests).isNotEmpty();
        Set<String> cursors = new HashSet<>();
        for (RecordedRequest request : requests) {
            assertThat(request.outcome()).isEqualTo("ok");
            assertThat(request.encSecKeyLength()).isEqualTo(256);
            assertThat(request.innerJson()).isNotNull();
            JsonNode inner = json.readTree(request.innerJson());
            assertThat(inner.get("threadId").asText()).isEqualTo("R_SO_4_" + SONG);
            assertThat(inner.get("pageSize").asText()).isIn(String.valueOf(PAGE_SIZE), "50");
            // time order by chained cursors, as the site's page walks: offset 0, every value a string
            assertThat(inner.get("offset").isTextual()).isTrue();
            assertThat(inner.get("offset").asText()).isEqualTo("0");
            assertThat(inner.get("orderType").asText()).isEqualTo("1");
            assertThat(inner.get("cursor").isTextual()).isTrue();
            assertThat(request.headers())
                    .containsEntry("content-type", "application/x-www-form-urlencoded")
                    .containsKey("user-agent")
                    .containsEntry("referer", "https://music.163.com/")
                    .doesNotContainKey("camelhttpquery");
            assertThat(cursors.add(inner.get("cursor").asText()))
                    .as("each cursor asked once")
                    .isTrue();
        }
        assertThat(cursors).contains("-1");
    }
}
