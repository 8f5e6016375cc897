package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Comments sharing a millisecond, and the cursor semantics of the contract around them. */
class SandboxSameTimeTest {

    private static final String THREAD = "R_SO_4_424242";
    private static final int PAGE = 20;

    private static SandboxServer server;
    private static SandboxClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(
                SandboxSettings.defaults().withCommentsPerThread(400).withSameTimeShare(0.4));
        client = new SandboxClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode page(long cursor, int pageSize) {
        ObjectNode request = SandboxClient.newApiRequest(THREAD, 1, pageSize, 3);
        request.put("cursor", String.valueOf(cursor));
        return client.newApi(request).json().get("data");
    }

    private static long time(JsonNode comment) {
        return comment.get("time").longValue();
    }

    @Test
    void theListIsNewestFirstWithOneMillisecondByCommentIdDescendingAndStable() {
        List<JsonNode> byOffset = new ArrayList<>();
        for (int pageNo = 1; pageNo <= 20; pageNo++) {
            client.newApi(SandboxClient.newApiRequest(THREAD, pageNo, PAGE, 3))
                    .json()
                    .at("/data/comments")
                    .forEach(byOffset::add);
        }
        List<ObjectNode> corpus = server.corpus().comments(THREAD);

        assertThat(byOffset).containsExactlyElementsOf(corpus);
        for (int i = 1; i < byOffset.size(); i++) {
            JsonNode newer = byOffset.get(i - 1);
            JsonNode older = byOffset.get(i);
            assertThat(time(older)).isLessThanOrEqualTo(time(newer));
            if (time(older) == time(newer)) {
                assertThat(older.get("commentId").longValue())
                        .isLessThan(newer.get("commentId").longValue());
            }
        }
        assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 7, PAGE, 3))
                        .json())
                .isEqualTo(client.newApi(SandboxClient.newApiRequest(THREAD, 7, PAGE, 3))
                        .json());
    }

    @Test
    void aCursorStartsAtTheFirstCommentStrictlyOlderAndTheAnswersCursorIsTheLastCommentsTime() {
        List<ObjectNode> corpus = server.corpus().comments(THREAD);
        int shared = sharedIndex(corpus);
        long t = time(corpus.get(shared));

        JsonNode data = page(t, 10);

        int firstOlder = shared;
        while (time(corpus.get(firstOlder)) == t) {
            firstOlder++;
        }
        assertThat(data.get("comments")).containsExactlyElementsOf(corpus.subList(firstOlder, firstOlder + 10));
        assertThat(data.get("cursor").isTextual()).isTrue();
        assertThat(data.get("cursor").textValue()).isEqualTo(String.valueOf(time(corpus.get(firstOlder + 9))));
        assertThat(data.get("totalCount").intValue()).isEqualTo(400);
        assertThat(data.get("hasMore").booleanValue()).isTrue();
        // one millisecond later: the comments at t are on the page again
        assertThat(page(t + 1, 10).get("comments").get(0)).isEqualTo(corpus.get(firstIndexOf(corpus, t)));
    }

    @Test
    void chainedCursorsLoseTheCommentsThatShareAPagesLastMillisecondAndDidNotFit() {
        List<ObjectNode> corpus = server.corpus().comments(THREAD);

        List<JsonNode> seen = new ArrayList<>();
        List<JsonNode> expectedLost = new ArrayList<>();
        long cursor = -1;
        for (boolean more = true; more; ) {
            assertThat(seen.size()).isLessThanOrEqualTo(400);
            JsonNode data = page(cursor, PAGE);
            data.get("comments").forEach(seen::add);
            more = data.get("hasMore").booleanValue();
            cursor = Long.parseLong(data.get("cursor").textValue());
            assertThat(data.get("totalCount").intValue()).isEqualTo(400);
            if (more) {
                // what shares the last comment's millisecond beyond this page is skipped by the next cursor
                int end = seen.size();
                for (int i = indexOf(corpus, seen.get(end - 1)) + 1;
                        i < corpus.size() && time(corpus.get(i)) == cursor;
                        i++) {
                    expectedLost.add(corpus.get(i));
                }
            }
        }

        assertThat(expectedLost)
                .as("the corpus has page boundaries inside a millisecond")
                .isNotEmpty();
        List<JsonNode> lost = new ArrayList<>(corpus);
        lost.removeAll(seen);
        assertThat(lost).containsExactlyElementsOf(expectedLost);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void askingAgainFromOneMillisecondLaterAndDroppingKnownIdsLosesNothing() {
        Map<Long, JsonNode> byId = new LinkedHashMap<>();
        long cursor = -1;
        for (int requests = 0; ; requests++) {
            assertThat(requests).isLessThan(200);
            JsonNode data = page(cursor, PAGE);
            data.get("comments")
                    .forEach(c -> byId.putIfAbsent(c.get("commentId").longValue(), c));
            if (!data.get("hasMore").booleanValue()) {
                break;
            }
            cursor = Long.parseLong(data.get("cursor").textValue()) + 1;
        }

        assertThat(byId.values()).containsExactlyElementsOf(server.corpus().comments(THREAD));
    }

    @Test
    void pastTheLastPageTheListIsEmptyWithoutMore() {
        List<ObjectNode> corpus = server.corpus().comments(THREAD);
        long oldest = time(corpus.get(corpus.size() - 1));

        JsonNode past = page(oldest, PAGE);

        assertThat(past.get("comments")).isEmpty();
        assertThat(past.get("hasMore").booleanValue()).isFalse();
        assertThat(past.get("totalCount").intValue()).isEqualTo(400);
        assertThat(page(oldest + 1, 400).get("hasMore").booleanValue()).isFalse();
    }

    @Test
    void aWholeThreadInOneMillisecondIsOnePageThenNothingByCursor() throws Exception {
        try (SandboxServer oneMs = SandboxServer.start(
                SandboxSettings.defaults().withCommentsPerThread(30).withSameTimeShare(1.0))) {
            SandboxClient oneMsClient = new SandboxClient(oneMs);
            List<ObjectNode> corpus = oneMs.corpus().comments(THREAD);
            ObjectNode request = SandboxClient.newApiRequest(THREAD, 1, 20, 3);

            JsonNode first = oneMsClient.newApi(request).json().get("data");
            assertThat(first.get("comments")).containsExactlyElementsOf(corpus.subList(0, 20));
            assertThat(first.get("hasMore").booleanValue()).isTrue();
            request.put("cursor", first.get("cursor").textValue());
            JsonNode next = oneMsClient.newApi(request).json().get("data");
            assertThat(next.get("comments")).isEmpty();
            assertThat(next.get("hasMore").booleanValue()).isFalse();
            assertThat(next.get("totalCount").intValue()).isEqualTo(30);

            request.put(
                    "cursor", String.valueOf(Long.parseLong(first.get("cursor").textValue()) + 1));
            request.put("pageSize", "50");
            assertThat(oneMsClient.newApi(request).json().at("/data/comments")).containsExactlyElementsOf(corpus);
        }
    }

    @Test
    void theOldApisBeforeTimeAlsoStartsStrictlyOlder() {
        List<ObjectNode> corpus = server.corpus().comments(THREAD);
        int shared = sharedIndex(corpus);
        long t = time(corpus.get(shared));
        ObjectNode request = SandboxClient.object();
        request.put("limit", 5);
        request.put("beforeTime", t);

        JsonNode comments = client.oldApi(THREAD, request).json().get("comments");

        assertThat(comments).allSatisfy(c -> assertThat(time(c)).isLessThan(t));
        assertThat(comments.get(0))
                .isEqualTo(corpus.get(server.corpus().thread(THREAD).firstOlderThan(t)));
    }

    /** The index of a comment that shares its millisecond with the newer one. */
    private static int sharedIndex(List<ObjectNode> corpus) {
        for (int i = 1; i < corpus.size() - 20; i++) {
            if (time(corpus.get(i)) == time(corpus.get(i - 1))) {
                return i;
            }
        }
        throw new AssertionError("no comment shares a millisecond");
    }

    private static int firstIndexOf(List<ObjectNode> corpus, long time) {
        for (int i = 0; i < corpus.size(); i++) {
            if (time(corpus.get(i)) == time) {
                return i;
            }
        }
        throw new AssertionError("no comment at " + time);
    }

    private static int indexOf(List<ObjectNode> corpus, JsonNode comment) {
        int index = corpus.indexOf(comment);
        assertThat(index).isNotNegative();
        return index;
    }
}
