package io.commentharvester.harvest;

import static io.commentharvester.harvest.CommentMapperTest.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.config.StoreLayout;
import io.commentharvester.weapi.CaptchaRequiredException;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

/** The one-pass reading of answers: where fields stand, what is skipped, and broken or odd answers. */
class StreamingAnswerTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CommentPageReader reader =
            new CommentPageReader(json.getFactory(), new CommentMapper(json.getFactory(), StoreLayout.COMMENT_ID));

    private static final String COMMENT =
            "{\"commentId\":5,\"user\":{\"userId\":7,\"nickname\":\"a\"},\"content\":\"x\",\"time\":10,"
                    + "\"likedCount\":3,\"ipLocation\":{\"location\":\"L\"},\"showFloorComment\":{\"replyCount\":4},"
                    + "\"status\":0}";
    private static final String STORED =
            "{\"commentId\":5,\"userId\":7,\"nickname\":\"a\",\"content\":\"x\",\"time\":10,"
                    + "\"likedCount\":3,\"ipLocation\":\"L\",\"parentCommentId\":0,\"replyCount\":4,\"status\":0}";

    private CommentPage read(String answer) {
        return reader.read(answer(answer), "p");
    }

    @Test
    void theCodeMayComeAfterTheComments() {
        CommentPage page = read("{\"data\":{\"comments\":[" + COMMENT + "],\"totalCount\":9},\"code\":200}");
        assertThat(page.comments()).extracting(PageComment::value).containsExactly(STORED);
        assertThat(page.totalCount()).isEqualTo(9);
        assertThatThrownBy(() -> read("{\"data\":{\"comments\":[" + COMMENT + "]},\"code\":-460,\"msg\":\"slow\"}"))
                .isInstanceOf(WeapiApiException.Retryable.class)
                .hasMessage("p: API code -460 (slow)");
    }

    @Test
    void aCodeGivenAsAStringOfDigitsCounts() {
        assertThat(read("{\"code\":\"200\",\"data\":{\"comments\":[" + COMMENT + "]}}")
                        .comments())
                .hasSize(1);
        assertThatThrownBy(() -> read("{\"code\":\"400\",\"data\":{\"comments\":[]}}"))
                .isExactlyInstanceOf(WeapiApiException.class);
        assertThatThrownBy(() -> read("{\"code\":\"ok\",\"data\":{\"comments\":[]}}"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("p: the answer has no code");
        assertThatThrownBy(() -> read("{\"data\":{\"comments\":[]}}")).hasMessage("p: the answer has no code");
    }

    @Test
    void brokenJsonIsAMalformedAnswerWorthARetry() {
        String whole = "{\"code\":200,\"data\":{\"comments\":[" + COMMENT + "," + COMMENT + "]}}";
        for (String broken :
                new String[] {whole.substring(0, whole.length() / 2), "", "<html>busy</html>", "{\"code\":"}) {
            assertThatThrownBy(() -> read(broken))
                    .as(broken)
                    .isInstanceOf(MalformedAnswerException.class)
                    .satisfies(e -> assertThat(PageRetryPolicy.isTransient(e)).isTrue());
        }
        assertThatThrownBy(() -> reader.read(null, "p")).hasMessage("p: the answer is not a JSON object");
        assertThatThrownBy(() -> read("\"text\"")).hasMessage("p: the answer is not a JSON object");
    }

    @Test
    void fieldsInAnyOrderAndUnknownNestedFieldsGiveTheSameStoredComment() throws Exception {
        String shuffled = "{\"status\":0,\"decoration\":{\"a\":[1,{\"commentId\":99}],\"b\":null},"
                + "\"showFloorComment\":{\"comments\":[{\"replyCount\":1}],\"replyCount\":4},"
                + "\"ipLocation\":{\"ip\":null,\"location\":\"L\"},\"likedCount\":3,\"time\":10,"
                + "\"content\":\"x\",\"user\":{\"avatarUrl\":\"u\",\"vipRights\":{\"userId\":1},\"nickname\":\"a\","
                + "\"userId\":7},\"commentId\":5}";
        CommentPage page = read("{\"code\":200,\"data\":{\"comments\":[" + shuffled + "]}}");
        assertThat(page.comments().get(0).value()).isEqualTo(STORED);
        assertThat(page.comments().get(0).odd()).isFalse();
    }

    @Test
    void aFieldGivenTwiceCountsWithItsLastValue() {
        CommentPage page = read("{\"code\":500,\"code\":200,\"data\":{\"comments\":["
                + COMMENT.replace("\"time\":10", "\"time\":1,\"time\":10") + "]}}");
        assertThat(page.comments().get(0).time()).isEqualTo(10);
    }

    @Test
    void numbersReadAsTheTreeReadThem() throws Exception {
        PageComment comment = read("{\"code\":200.0,\"data\":{\"comments\":["
                        + COMMENT.replace("\"time\":10", "\"time\":10.7")
                                .replace("\"likedCount\":3", "\"likedCount\":\"12\"")
                                .replace("\"commentId\":5", "\"commentId\":123456789012345678901234567890")
                        + "],\"hasMore\":1,\"totalCount\":-3}}")
                .comments()
                .get(0);
        assertThat(comment.time()).isEqualTo(10);
        assertThat(comment.likedCount()).isEqualTo(12);
        assertThat(comment.field()).isEqualTo("123456789012345678901234567890");
        assertThat(comment.odd()).isTrue();
        JsonNode stored = json.readTree(comment.value());
        assertThat(stored.get("commentId").isTextual()).isTrue();
        assertThat(stored.get("time").asLong()).isEqualTo(10);
        CommentPage page = read("{\"code\":200,\"data\":{\"comments\":[],\"hasMore\":1,\"totalCount\":-3}}");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.totalCount()).isEqualTo(-1);
        assertThat(read("{\"code\":200,\"data\":{\"comments\":[],\"hasMore\":\"true\"}}")
                        .hasMore())
                .isTrue();
    }

    @Test
    void aCaptchaAnswerCarriesItsVerifyUrl() {
        assertThatThrownBy(
                        () -> read(
                                "{\"data\":{\"blockText\":\"b\",\"verifyUrl\":\"https://v/1\"},\"message\":\"verify\",\"code\":-462}"))
                .isInstanceOfSatisfying(
                        CaptchaRequiredException.class,
                        e -> assertThat(e.verifyUrl()).isEqualTo("https://v/1"));
    }

    @Test
    void eachListReadsItsOwnFields() {
        String hotComment = COMMENT.replace("\"commentId\":5", "\"commentId\":6");
        CommentPage main = read("{\"code\":200,\"hotComments\":[" + COMMENT + "],\"total\":1,\"data\":{\"comments\":["
                + COMMENT + ",7],\"hotComments\":[" + hotComment + "],\"totalCount\":30,\"hasMore\":true}}");
        assertThat(main.comments()).extracting(PageComment::field).containsExactly("5");
        assertThat(main.hot()).extracting(PageComment::field).containsExactly("6");
        assertThat(main.unreadable()).isEqualTo(1);
        assertThat(main.totalCount()).isEqualTo(30);
        assertThat(main.nextTime()).isEqualTo(-1);

        CommentPage hot = reader.readHot(
                answer("{\"code\":200,\"data\":{\"comments\":[" + COMMENT + "]},\"hotComments\":[" + hotComment
                        + ",null],\"total\":15,\"hasMore\":true}"),
                "p");
        assertThat(hot.comments()).extracting(PageComment::field).containsExactly("6");
        assertThat(hot.totalCount()).isEqualTo(15);
        assertThat(hot.hasMore()).isTrue();
        assertThat(hot.unreadable()).isEqualTo(1);
        assertThat(hot.hot()).isEmpty();

        CommentPage floor = reader.readFloor(
                answer("{\"code\":200,\"data\":{\"time\":1700,\"comments\":["
                        + COMMENT.replace(",\"showFloorComment\":{\"replyCount\":4}", "") + "],\"hasMore\":false}}"),
                "p",
                "77");
        assertThat(floor.nextTime()).isEqualTo(1700);
        assertThat(floor.comments().get(0).value()).contains("\"parentCommentId\":77");
        assertThat(floor.comments().get(0).odd()).isFalse();
        assertThat(floor.totalCount()).isEqualTo(-1);
    }

    @Test
    void aBeRepliedObjectOrEntryWithoutContentIsOdd() {
        String asObject = COMMENT.replace(",\"status\":0", ",\"beReplied\":{\"a\":{\"content\":null}},\"status\":0");
        String nonObject =
                COMMENT.replace(",\"status\":0", ",\"beReplied\":[{\"beRepliedCommentId\":2,\"content\":\"y\"},3]");
        String fine = COMMENT.replace(",\"status\":0", ",\"beReplied\":[{\"beRepliedCommentId\":2,\"content\":\"y\"}]");
        CommentPage page =
                read("{\"code\":200,\"data\":{\"comments\":[" + asObject + "," + nonObject + "," + fine + "]}}");
        assertThat(page.comments()).extracting(PageComment::odd).containsExactly(true, true, false);
        assertThat(page.comments().get(2).value()).contains("\"beRepliedCommentId\":2,");
    }
}
