package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every thread type of the contract, on both APIs. */
class SandboxThreadTypesTest extends SandboxServerTestSupport {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "R_SO_4_1359645265",
                "R_MV_5_10896407",
                "A_PL_0_2884035",
                "R_AL_3_34720827",
                "A_DJ_1_2062413446",
                "R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D",
                "R_VI_62_89adde33c0aae8ec14b99f6750db954d",
                "R_VI_62_1234",
                "A_EV_2_6559519868",
                "A_EV_2_6559519868_32953014"
            })
    void everyThreadTypeIsServedOnBothApis(String threadId) {
        List<ObjectNode> corpus = server.corpus().comments(threadId);

        JsonNode newApi =
                client.newApi(SandboxClient.newApiRequest(threadId, 1, 20, 1)).json();
        ObjectNode old = SandboxClient.object();
        old.put("limit", 20);
        JsonNode oldApi = client.oldApi(threadId, old).json();

        assertThat(newApi.get("code").intValue()).as(newApi.toString()).isEqualTo(200);
        assertThat(newApi.at("/data/comments")).containsExactlyElementsOf(corpus.subList(0, 20));
        assertThat(newApi.at("/data/totalCount").intValue()).isEqualTo(corpus.size());
        assertThat(oldApi.get("code").intValue()).isEqualTo(200);
        assertThat(oldApi.get("comments")).containsExactlyElementsOf(corpus.subList(0, 20));
    }

    @Test
    void theContractsPrefixesAreTheConstants() {
        assertThat(SandboxServer.THREAD_PREFIXES)
                .containsExactly("R_SO_4_", "R_MV_5_", "A_PL_0_", "R_AL_3_", "A_DJ_1_", "R_VI_62_", "A_EV_2_");
    }

    @Test
    void corporaDeriveFromTheWholeThreadId() {
        Set<List<ObjectNode>> corpora = new HashSet<>();
        for (String prefix : SandboxServer.THREAD_PREFIXES) {
            assertThat(corpora.add(server.corpus().comments(prefix + "1234")))
                    .as(prefix)
                    .isTrue();
        }
        assertThat(server.corpus().comments("R_VI_62_ABCD"))
                .isNotEqualTo(server.corpus().comments("R_VI_62_abcd"));
        assertThat(new CommentCorpus(0).comments("R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D"))
                .isEqualTo(server.corpus().comments("R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "R_VI_62_89ADDE33G0",
                "R_VI_62_",
                "R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D0",
                "R_SO_4_12AB",
                "R_MV_5_ff",
                "A_EV_2_12_",
                "A_EV_2_12_34_56",
                "A_PL_0_12_34",
                "R_VI_62_-1",
                "r_so_4_1"
            })
    void malformedIdsAreBadRequests(String threadId) {
        ObjectNode request = SandboxClient.newApiRequest("R_SO_4_1", 1, 20, 1);
        request.put("threadId", threadId);
        request.put("rid", threadId);

        JsonNode json = client.newApi(request).json();

        assertThat(json.get("code").intValue()).as(threadId).isEqualTo(400);
        assertThat(json.get("message").textValue()).contains("bad threadId");
    }
}
