package io.commentharvester.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.config.StoreLayout;
import io.commentharvester.weapi.MalformedAnswerException;

class CommentMapperTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CommentMapper mapper = new CommentMapper(json.getFactory(), StoreLayout.COMMENT_ID);
    private static final String NORMAL =
            "{\"commentId\":5,\"user\":{\"userId\":7,\"nickname\":\"a\"},\"content\":\"x\","
                    + "\"time\":10,\"likedCount\":3,\"ipLocation\":{\"location\":\"北京\"},\"showFloorComment\":{\"replyCount\":4},"
                    + "\"beReplied\":[{\"beRepliedCommentId\":2,\"content\":\"y\"}],\"status\":0}";

    private int unreadable;

    /** The comments of a JSON list, read as the answer's parser reads them; {@link #unreadable} counts the rest. */
    private List<PageComment> list(String array, String floorParent) throws Exception {
        try (JsonParser parser = json.getFactory().createParser(array)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            List<PageComment> comments = new ArrayList<>();
            unreadable = mapper.readList(parser, floorParent, comments);
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            return comments;
        }
    }

    private PageComment map(String comment) throws Exception {
        List<PageComment> mapped = list("[" + comment + "]", null);
        assertThat(mapped).hasSize(1);
        return mapped.get(0);
    }

    static InputStream answer(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode stored(PageComment comment) throws Exception {
        return json.readTree(comment.value());
    }

    @Test
    void aCompleteCommentIsNotOddAndKeepsReplyCountAndStatus() throws Exception {
        PageComment comment = map(NORMAL);
        assertThat(comment.odd()).isFalse();
        assertThat(comment.replyCount()).isEqualTo(4);
        assertThat(comment.likedCount()).isEqualTo(3);
        assertThat(stored(comment).get("replyCount").asLong()).isEqualTo(4);
        assertThat(stored(comment).get("status").asInt()).isZero();
    }

    @Test
    void aDeletedCommentIsStoredWithNullContentAndItsStatus() throws Exception {
        PageComment comment =
                map(NORMAL.replace("\"content\":\"x\"", "\"content\":null").replace("\"status\":0", "\"status\":-1"));
        assertThat(comment.odd()).isTrue();
        assertThat(comment.field()).isEqualTo("5");
        assertThat(stored(comment).get("content").isNull()).isTrue();
        assertThat(stored(comment).get("status").asInt()).isEqualTo(-1);
    }

    @Test
    void eachOddShapeIsStoredWithWhatCanBeReadAndFlagged() throws Exception {
        List<String> odd = List.of(
                NORMAL.replace("{\"userId\":7,\"nickname\":\"a\"}", "null"),
                NORMAL.replace(",\"ipLocation\":{\"location\":\"北京\"}", ""),
                NORMAL.replace("\"北京\"", "\"\""),
                NORMAL.replace("{\"replyCount\":4}", "null"),
                NORMAL.replace("\"content\":\"y\"", "\"content\":null"));
        for (String comment : odd) {
            PageComment mapped = map(comment);
            assertThat(mapped.odd()).as(comment).isTrue();
            assertThat(mapped.field()).isEqualTo("5");
            assertThat(stored(mapped).get("commentId").asLong()).isEqualTo(5);
        }
        assertThat(stored(map(odd.get(0))).has("userId")).isFalse();
    }

    @Test
    void idsPast2To53StayExactAndAreOdd() throws Exception {
        PageComment comment = map(NORMAL.replace("\"commentId\":5", "\"commentId\":9007199254740993"));
        assertThat(comment.field()).isEqualTo("9007199254740993");
        assertThat(comment.commentId()).isEqualTo("9007199254740993");
        assertThat(comment.value()).contains("\"commentId\":9007199254740993");
        assertThat(comment.odd()).isTrue();
    }

    @Test
    void aCommentIdThatIsNotANumberIsKeptAsTextAndIsOdd() throws Exception {
        PageComment comment = map(NORMAL.replace("\"commentId\":5", "\"commentId\":\"c5\""));
        assertThat(comment.field()).isEqualTo("c5");
        assertThat(stored(comment).get("commentId").asText()).isEqualTo("c5");
        assertThat(comment.odd()).isTrue();
    }

    @Test
    void aCommentWithoutAnyIdGetsAStableDerivedField() throws Exception {
        PageComment first = map(NORMAL.replace("\"commentId\":5,", ""));
        PageComment again = map(NORMAL.replace("\"commentId\":5,", "\"commentId\":null,")
                .replace("\"likedCount\":3", "\"likedCount\":9"));
        assertThat(first.field()).matches("noid:[0-9a-f]{16}").isEqualTo(again.field());
        assertThat(first.commentId()).isNull();
        assertThat(first.odd()).isTrue();
    }

    @Test
    void entriesThatAreNotObjectsAreSkippedAndCounted() throws Exception {
        assertThat(list("[" + NORMAL + ", null, 3, [1, {}], \"x\"]", null)).hasSize(1);
        assertThat(unreadable).isEqualTo(4);
    }

    @Test
    void repliesGetTheirFloorsParentAndNeedNoFloorOfTheirOwn() throws Exception {
        PageComment reply = list("[" + NORMAL.replace("{\"replyCount\":4}", "null") + "]", "77")
                .get(0);
        assertThat(reply.odd()).isFalse();
        assertThat(stored(reply).get("parentCommentId").asLong()).isEqualTo(77);
    }

    @Test
    void onlyAnAnswerWithoutAnyListIsBroken() throws Exception {
        CommentPageReader reader = new CommentPageReader(json.getFactory(), mapper);
        CommentPage page = reader.read(
                answer("{\"code\":200,\"data\":{\"comments\":["
                        + NORMAL.replace("\"content\":\"x\"", "\"content\":null") + ",null],\"hasMore\":false}}"),
                "p");
        assertThat(page.comments()).hasSize(1);
        assertThat(page.unreadable()).isEqualTo(1);
        assertThatThrownBy(() -> reader.readHot(answer("{\"code\":200,\"total\":3}"), "p"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("hotComments");
        assertThatThrownBy(() -> reader.readFloor(answer("{\"code\":200,\"data\":{}}"), "p", "1"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("data.comments");
    }
}
