package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The old API: its request as decrypted, paging by offset and by beforeTime with the hot comments on the first page
 * only, and an unknown thread in its path.
 */
class SandboxOldApiTest extends SandboxServerTestSupport {

    @Test
    void decryptsTheOldApiRequest() {
        ObjectNode request = SandboxClient.object();
        request.put("rid", "1359645265");
        request.put("offset", 0);
        request.put("limit", 20);
        request.put("beforeTime", 0);
        request.put("e_r", true);
        request.put("csrf_token", "");

        JsonNode json = client.oldApi(THREAD, request).json();

        assertThat(json.get("code").intValue()).isEqualTo(200);
        assertThat(json.get("total").intValue()).isEqualTo(server.corpus().totalCount(THREAD));
        assertThat(json.get("more").booleanValue()).isTrue();
        assertThat(json.get("topComments")).isEmpty();
        assertThat(json.get("comments"))
                .containsExactlyElementsOf(server.corpus().comments(THREAD).subList(0, 20));
        assertThat(json.get("hotComments"))
                .containsExactlyElementsOf(
                        server.corpus().comments(THREAD, CommentOrder.HOT).subList(0, 15));
        RecordedRequest recorded = single();
        assertThat(recorded.path()).isEqualTo(SandboxServer.OLD_API_PREFIX + THREAD);
        assertThat(recorded.innerJson()).isEqualTo(request.toString());
        assertThat(recorded.encSecKeyLength()).isEqualTo(256);
        assertThat(recorded.outcome()).isEqualTo("ok");
    }

    @Test
    void oldApiPagesByOffsetAndBeforeTimeWithHotCommentsOnlyOnTheFirstPage() {
        List<ObjectNode> all = server.corpus().comments(THREAD);
        ObjectNode request = SandboxClient.object();
        request.put("offset", "40");
        request.put("limit", "500");
        JsonNode byOffset = client.oldApi(THREAD, request).json();
        assertThat(byOffset.has("hotComments")).isFalse();
        assertThat(byOffset.get("comments")).containsExactlyElementsOf(all.subList(40, Math.min(140, all.size())));

        request.put("offset", "20");
        request.put("limit", "-5");
        request.put("beforeTime", String.valueOf(all.get(99).get("time").longValue()));
        JsonNode byTime = client.oldApi(THREAD, request).json();
        assertThat(byTime.get("comments")).containsExactlyElementsOf(all.subList(100, 120));
    }

    @Test
    void oldApiRejectsAnUnknownThreadInThePath() {
        JsonNode json = client.oldApi("X_1", SandboxClient.object()).json();

        assertThat(json.get("code").intValue()).isEqualTo(400);
    }
}
