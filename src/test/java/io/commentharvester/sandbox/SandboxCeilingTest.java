package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The offset ceiling of both APIs, in both modes; cursor paging is never limited by it. */
class SandboxCeilingTest {

    private static final String THREAD = "R_SO_4_186016";
    private static final int COMMENTS = 300;
    private static final int CEILING = 100;

    private static SandboxServer start(CeilingMode mode) throws Exception {
        return SandboxServer.start(SandboxSettings.defaults()
                .withCommentsPerThread(COMMENTS)
                .withOffsetCeiling(CEILING)
                .withCeilingMode(mode));
    }

    private static JsonNode newApiPage(SandboxClient client, int pageNo, int pageSize) {
        return client.newApi(SandboxClient.newApiRequest(THREAD, pageNo, pageSize, 3))
                .json()
                .get("data");
    }

    private static JsonNode oldApiPage(SandboxClient client, int offset, int limit) {
        ObjectNode request = SandboxClient.object();
        request.put("offset", offset);
        request.put("limit", limit);
        request.put("beforeTime", 0);
        return client.oldApi(THREAD, request).json();
    }

    @Test
    void emptyModeAnswersNothingAtOrPastTheCeilingOnBothApis() throws Exception {
        try (SandboxServer server = start(CeilingMode.EMPTY)) {
            SandboxClient client = new SandboxClient(server);
            List<ObjectNode> all = server.corpus().comments(THREAD);

            JsonNode last = newApiPage(client, 5, 20);
            assertThat(last.get("comments")).containsExactlyElementsOf(all.subList(80, 100));
            assertThat(last.get("hasMore").booleanValue()).isFalse();
            assertThat(last.get("totalCount").intValue()).isEqualTo(COMMENTS);
            for (int pageNo : new int[] {6, 7, 15}) {
                JsonNode past = newApiPage(client, pageNo, 20);
                assertThat(past.get("comments")).isEmpty();
                assertThat(past.get("hasMore").booleanValue()).isFalse();
                assertThat(past.get("totalCount").intValue()).isEqualTo(COMMENTS);
            }

            JsonNode oldLast = oldApiPage(client, 90, 20);
            assertThat(oldLast.get("comments")).containsExactlyElementsOf(all.subList(90, 100));
            assertThat(oldLast.get("more").booleanValue()).isFalse();
            JsonNode oldPast = oldApiPage(client, 100, 20);
            assertThat(oldPast.get("comments")).isEmpty();
            assertThat(oldPast.get("more").booleanValue()).isFalse();
            assertThat(oldPast.get("total").intValue()).isEqualTo(COMMENTS);
        }
    }

    @Test
    void repeatModeAnswersTheLastPageBelowTheCeilingAgainOnBothApis() throws Exception {
        try (SandboxServer server = start(CeilingMode.REPEAT)) {
            SandboxClient client = new SandboxClient(server);
            List<ObjectNode> all = server.corpus().comments(THREAD);

            JsonNode last = newApiPage(client, 5, 20);
            assertThat(last.get("comments")).containsExactlyElementsOf(all.subList(80, 100));
            assertThat(last.get("hasMore").booleanValue())
                    .as("the site does not say where it stops")
                    .isTrue();
            for (int pageNo : new int[] {6, 7, 15}) {
                JsonNode past = newApiPage(client, pageNo, 20);
                assertThat(past.get("comments")).as("page %d", pageNo).isEqualTo(last.get("comments"));
                assertThat(past.get("cursor")).isEqualTo(last.get("cursor"));
                assertThat(past.get("hasMore").booleanValue())
                        .as("page %d", pageNo)
                        .isEqualTo(pageNo < 15);
                assertThat(past.get("totalCount").intValue()).isEqualTo(COMMENTS);
            }

            JsonNode oldPast = oldApiPage(client, 160, 30);
            assertThat(oldPast.get("comments")).containsExactlyElementsOf(all.subList(70, 100));
            assertThat(oldPast.get("more").booleanValue()).isTrue();
            assertThat(oldPast.has("hotComments")).isFalse();
        }
    }

    @Test
    void repeatModeRepeatsAFullPageOfTheRequestsSizeEndingAtTheCeiling() throws Exception {
        try (SandboxServer server = start(CeilingMode.REPEAT)) {
            SandboxClient client = new SandboxClient(server);
            List<ObjectNode> all = server.corpus().comments(THREAD);

            // pages of 30: the page at offset 90 straddles the ceiling and has its 10 reachable rows only
            assertThat(newApiPage(client, 4, 30).get("comments")).containsExactlyElementsOf(all.subList(90, 100));
            assertThat(newApiPage(client, 5, 30).get("comments")).containsExactlyElementsOf(all.subList(70, 100));
        }
    }

    @ParameterizedTest
    @EnumSource(CeilingMode.class)
    void pastTheLastCommentIsEmptyInEitherMode(CeilingMode mode) throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxSettings.defaults()
                .withCommentsPerThread(COMMENTS)
                .withOffsetCeiling(CEILING)
                .withCeilingMode(mode))) {
            SandboxClient client = new SandboxClient(server);

            JsonNode past = newApiPage(client, COMMENTS / 20 + 1, 20);
            assertThat(past.get("comments")).isEmpty();
            assertThat(past.get("hasMore").booleanValue()).isFalse();
            assertThat(oldApiPage(client, COMMENTS, 20).get("comments")).isEmpty();
        }
    }

    @Test
    void aCeilingAboveTheThreadChangesNothing() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxSettings.defaults()
                .withCommentsPerThread(50)
                .withOffsetCeiling(1000)
                .withCeilingMode(CeilingMode.REPEAT))) {
            SandboxClient client = new SandboxClient(server);

            JsonNode last = newApiPage(client, 3, 20);
            assertThat(last.get("comments"))
                    .containsExactlyElementsOf(server.corpus().comments(THREAD).subList(40, 50));
            assertThat(last.get("hasMore").booleanValue()).isFalse();
            assertThat(newApiPage(client, 4, 20).get("comments")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(CeilingMode.class)
    void cursorPagingOfBothApisIsNeverLimitedByTheCeiling(CeilingMode mode) throws Exception {
        try (SandboxServer server = start(mode)) {
            SandboxClient client = new SandboxClient(server);
            List<ObjectNode> all = server.corpus().comments(THREAD);

            List<JsonNode> newApi = new ArrayList<>();
            String cursor = "-1";
            for (boolean more = true; more; ) {
                ObjectNode request = SandboxClient.newApiRequest(THREAD, 1, 40, 3);
                request.put("cursor", cursor);
                JsonNode data = client.newApi(request).json().get("data");
                data.get("comments").forEach(newApi::add);
                cursor = data.get("cursor").textValue();
                more = data.get("hasMore").booleanValue();
            }
            assertThat(newApi).containsExactlyElementsOf(all);

            List<JsonNode> oldApi = new ArrayList<>();
            long beforeTime = 0;
            for (boolean more = true; more; ) {
                ObjectNode request = SandboxClient.object();
                request.put("offset", 0);
                request.put("limit", 50);
                request.put("beforeTime", beforeTime);
                JsonNode answer = client.oldApi(THREAD, request).json();
                answer.get("comments").forEach(oldApi::add);
                beforeTime = oldApi.get(oldApi.size() - 1).get("time").longValue();
                more = answer.get("more").booleanValue();
            }
            assertThat(oldApi).containsExactlyElementsOf(all);
        }
    }
}
