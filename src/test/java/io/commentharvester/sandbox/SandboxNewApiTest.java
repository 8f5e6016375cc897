package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The new API: its request as decrypted and recorded, the fields it refuses, paging by page number, by offset and by
 * cursor, the end of a thread, the page size cap, and the UTF-8 of its JSON.
 */
class SandboxNewApiTest extends SandboxServerTestSupport {

    @Test
    void decryptsTheNewApiRequestAndRecordsIt() {
        ObjectNode request = SandboxClient.newApiRequest(THREAD, 1, 20, 3);
        request.put("note", "中文 \"quoted\" 😀");

        SandboxClient.Response response = client.newApi(request);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
        JsonNode json = response.json();
        assertThat(json.get("code").intValue()).isEqualTo(200);
        assertThat(json.get("message").isNull()).isTrue();
        assertThat(json.at("/data/totalCount").intValue())
                .isEqualTo(server.corpus().totalCount(THREAD));
        assertThat(json.at("/data/sortType").intValue()).isEqualTo(3);
        List<ObjectNode> expected = server.corpus().comments(THREAD).subList(0, 20);
        assertThat(json.at("/data/comments")).containsExactlyElementsOf(expected);
        assertThat(json.at("/data/cursor").textValue())
                .isEqualTo(String.valueOf(expected.get(19).get("time").longValue()));
        assertThat(json.at("/data/hasMore").booleanValue()).isTrue();

        RecordedRequest recorded = single();
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo(SandboxServer.NEW_API_PATH);
        assertThat(recorded.query()).isEqualTo("csrf_token=");
        assertThat(recorded.innerJson()).isEqualTo(request.toString());
        assertThat(recorded.encSecKeyLength()).isEqualTo(256);
        assertThat(recorded.outcome()).isEqualTo("ok");
        assertThat(recorded.headers())
                .containsEntry("referer", "https://music.163.com/")
                .containsEntry("origin", "https://music.163.com")
                .containsEntry("content-type", "application/x-www-form-urlencoded");
        assertThat(server.stats().countsByOutcome()).containsEntry("ok", 1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"pageNo\":\"1\",\"pageSize\":\"20\"}",
                "{\"threadId\":\"R_XX_1_5\",\"pageNo\":\"1\",\"pageSize\":\"20\"}",
                "{\"threadId\":\"R_SO_4_\",\"pageNo\":\"1\",\"pageSize\":\"20\"}",
                "{\"threadId\":\"R_SO_4_5\",\"pageSize\":\"20\"}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":\"1\"}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":\"0\",\"pageSize\":\"20\"}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":\"one\",\"pageSize\":\"20\"}",
                "{\"threadId\":\"R_SO_4_5\",\"offset\":-20,\"pageSize\":\"20\"}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":1,\"pageSize\":0}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":1,\"pageSize\":20,\"orderType\":\"7\"}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":1,\"pageSize\":20,\"sortType\":4}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":1,\"pageSize\":20,\"orderType\":3,\"cursor\":\"soon\"}",
                "{\"threadId\":\"R_SO_4_5\",\"pageNo\":1,\"pageSize\":20} {}",
                "{\"threadId\":[\"R_SO_4_5\"],\"pageNo\":1,\"pageSize\":20}",
            })
    void missingOrInvalidFieldsAreBadRequests(String text) {
        JsonNode json = client.post(SandboxServer.NEW_API_PATH, text, null).json();

        assertThat(json.get("code").intValue()).as(json.toString()).isEqualTo(400);
        RecordedRequest recorded = single();
        assertThat(recorded.outcome()).isEqualTo("bad-request");
        assertThat(recorded.innerJson()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
        "orderType,1,TIME,3",
        "orderType,2,TIME,3",
        "orderType,3,TIME,3",
        "sortType,99,RECOMMENDED,99",
        "sortType,1,RECOMMENDED,1",
        "sortType,2,HOT,2",
        "sortType,3,TIME,3"
    })
    void pagingByPageNoReturnsEveryCommentOnceInOrder(String field, String value, CommentOrder order, int sortType) {
        String thread = "R_AL_3_" + value.length() + field.length();
        List<JsonNode> seen = new ArrayList<>();
        JsonNode data = null;
        for (int pageNo = 1; data == null || data.get("hasMore").booleanValue(); pageNo++) {
            ObjectNode request = SandboxClient.newApiRequest(thread, pageNo, 30, 1);
            request.remove("orderType");
            request.remove("offset");
            request.put(field, value);
            data = client.newApi(request).json().get("data");
            assertThat(data.get("sortType").intValue()).isEqualTo(sortType);
            assertThat(data.get("totalCount").intValue())
                    .isEqualTo(server.corpus().totalCount(thread));
            data.get("comments").forEach(seen::add);
        }

        assertThat(seen).containsExactlyElementsOf(server.corpus().comments(thread, order));
        assertUniqueIds(seen);
    }

    @Test
    void pagingByOffsetNumbersWinsOverPageNo() {
        String thread = "A_PL_0_31337";
        List<JsonNode> seen = new ArrayList<>();
        for (int offset = 0; offset < server.corpus().totalCount(thread); offset += 25) {
            ObjectNode request = SandboxClient.object();
            request.put("threadId", thread);
            request.put("pageNo", 1);
            request.put("offset", offset);
            request.put("pageSize", 25);
            request.put("orderType", 1);
            request.put("sortType", 2);
            client.newApi(request).json().at("/data/comments").forEach(seen::add);
        }

        assertThat(seen).containsExactlyElementsOf(server.corpus().comments(thread, CommentOrder.HOT));
    }

    @Test
    void pagingByCursorInTimeOrderReachesEveryComment() {
        String thread = "R_SO_4_8080";
        List<JsonNode> seen = new ArrayList<>();
        String cursor = "-1";
        boolean more = true;
        while (more) {
            ObjectNode request = SandboxClient.newApiRequest(thread, 1, 40, 3);
            request.put("cursor", cursor);
            request.put("pageNo", "9");
            JsonNode data = client.newApi(request).json().get("data");
            data.get("comments").forEach(seen::add);
            cursor = data.get("cursor").textValue();
            more = data.get("hasMore").booleanValue();
        }

        List<ObjectNode> expected = server.corpus().comments(thread);
        assertThat(seen).containsExactlyElementsOf(expected);

        // a harvest may start at any time T: the page starts at the first comment strictly older than T
        ObjectNode request = SandboxClient.newApiRequest(thread, 1, 10, 3);
        request.put("cursor", String.valueOf(expected.get(50).get("time").longValue()));
        assertThat(client.newApi(request).json().at("/data/comments"))
                .containsExactlyElementsOf(expected.subList(51, 61));
        request.put("cursor", String.valueOf(expected.get(50).get("time").longValue() + 1));
        assertThat(client.newApi(request).json().at("/data/comments").get(0)).isEqualTo(expected.get(50));
    }

    @Test
    void pastTheEndIsEmptyWithoutMore() {
        ObjectNode request = SandboxClient.newApiRequest(THREAD, 1000, 20, 3);
        JsonNode data = client.newApi(request).json().get("data");
        assertThat(data.get("comments")).isEmpty();
        assertThat(data.get("hasMore").booleanValue()).isFalse();
        assertThat(data.get("totalCount").intValue()).isEqualTo(server.corpus().totalCount(THREAD));

        List<ObjectNode> all = server.corpus().comments(THREAD);
        request.put("cursor", String.valueOf(all.get(all.size() - 1).get("time").longValue()));
        data = client.newApi(request).json().get("data");
        assertThat(data.get("comments")).isEmpty();
        assertThat(data.get("hasMore").booleanValue()).isFalse();
    }

    @Test
    void pageSizeAbove50IsServedAs50() {
        ObjectNode request = SandboxClient.newApiRequest(THREAD, 2, 100, 3);
        request.remove("offset");

        JsonNode comments = client.newApi(request).json().at("/data/comments");

        assertThat(comments)
                .containsExactlyElementsOf(server.corpus().comments(THREAD).subList(50, 100));
    }

    @Test
    void theJsonIsUtf8() {
        SandboxClient.Response response = client.newApi(SandboxClient.newApiRequest(THREAD, 1, 50, 3));

        String plain = server.corpus().comments(THREAD).subList(0, 50).stream()
                .map(c -> c.get("content").textValue())
                .filter(c -> c.codePoints().anyMatch(Character::isSupplementaryCodePoint))
                .filter(c -> c.chars().noneMatch(ch -> ch == '"' || ch == '\\' || ch < 0x20))
                .findFirst()
                .orElseThrow();
        assertThat(response.text()).contains(plain);
        assertThat(response.json().at("/data/comments").get(0))
                .isEqualTo(server.corpus().comments(THREAD).get(0));
    }

    private static void assertUniqueIds(List<JsonNode> comments) {
        Set<Long> ids = new HashSet<>();
        comments.forEach(
                c -> assertThat(ids.add(c.get("commentId").longValue())).isTrue());
    }
}
