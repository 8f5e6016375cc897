package io.commentharvester.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.config.StoreLayout;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

class CommentPageReaderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final String page = "song:42 page before 1700000000000";

    private static final String ANSWER = """
            {"code":200,"message":null,"data":{"totalCount":1234,"hasMore":true,"cursor":"1700000000000",
             "comments":[
              {"commentId":11,"user":{"userId":7,"nickname":"小明","avatarUrl":"x"},"content":"第一条\\n\\"好\\"🎵",
               "time":1700000000002,"timeStr":"2023-11-14","likedCount":5,"ipLocation":{"location":"北京"},
               "parentCommentId":0,"beReplied":null,"status":0},
              {"commentId":12,"user":{"userId":7,"nickname":"小明"},"content":"second by the same user",
               "time":1700000000001,"likedCount":0,"ipLocation":{"location":""},"parentCommentId":0,
               "beReplied":[{"beRepliedCommentId":11,"content":"第一条","user":{"nickname":"x"}}]}
             ]}}""";

    private CommentPageReader reader(StoreLayout layout) {
        return new CommentPageReader(json.getFactory(), new CommentMapper(json.getFactory(), layout));
    }

    @Test
    void storesEachCommentUnderItsIdAsCompactJson() throws Exception {
        CommentPage result = reader(StoreLayout.COMMENT_ID).read(CommentMapperTest.answer(ANSWER), page);

        assertThat(result.comments()).extracting(PageComment::field).containsExactly("11", "12");
        assertThat(result.comments()).extracting(PageComment::time).containsExactly(1700000000002L, 1700000000001L);
        assertThat(result.totalCount()).isEqualTo(1234);
        assertThat(result.hasMore()).isTrue();
        assertThat(result.comments().get(0).value())
                .isEqualTo("{\"commentId\":11,\"userId\":7,\"nickname\":\"小明\","
                        + "\"content\":\"第一条\\n\\\"好\\\"🎵\",\"time\":1700000000002,\"likedCount\":5,\"ipLocation\":\"北京\","
                        + "\"parentCommentId\":0,\"replyCount\":0,\"status\":0}");
        JsonNode second = json.readTree(result.comments().get(1).value());
        assertThat(second.get("beRepliedCommentId").asLong()).isEqualTo(11);
        assertThat(second.has("ipLocation")).isFalse();
    }

    @Test
    void theNicknameLayoutKeepsOnlyTheLastCommentOfAUserAsTheOldScriptDid() throws Exception {
        CommentPage result = reader(StoreLayout.NICKNAME).read(CommentMapperTest.answer(ANSWER), page);
        assertThat(result.comments()).extracting(PageComment::field).containsExactly("小明", "小明");
        assertThat(result.comments().get(1).value()).isEqualTo("second by the same user");
    }

    @Test
    void rateLimitAnswersAreRetryableApiErrors() throws Exception {
        assertThatThrownBy(() -> reader(StoreLayout.COMMENT_ID)
                        .read(CommentMapperTest.answer("{\"code\":-460,\"message\":\"Cheating\"}"), page))
                .isInstanceOf(WeapiApiException.Retryable.class)
                .hasMessage("song:42 page before 1700000000000: API code -460 (Cheating)");
        assertThatThrownBy(() -> reader(StoreLayout.COMMENT_ID).read(CommentMapperTest.answer("{\"code\":405}"), page))
                .isInstanceOf(WeapiApiException.Retryable.class);
    }

    @Test
    void answersThatCannotImproveAreNotRetryable() throws Exception {
        assertThatThrownBy(() -> reader(StoreLayout.COMMENT_ID)
                        .read(CommentMapperTest.answer("{\"code\":400,\"message\":\"bad\"}"), page))
                .isExactlyInstanceOf(WeapiApiException.class)
                .satisfies(e -> assertThat(PageRetryPolicy.isTransient(e)).isFalse());
    }

    @Test
    void anAnswerWithoutCommentsIsMalformed() throws Exception {
        assertThatThrownBy(() -> reader(StoreLayout.COMMENT_ID)
                        .read(CommentMapperTest.answer("{\"code\":200,\"data\":{}}"), page))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("data.comments");
        assertThatThrownBy(() -> reader(StoreLayout.COMMENT_ID).read(CommentMapperTest.answer("[1]"), page))
                .isInstanceOf(MalformedAnswerException.class);
    }

    @Test
    void anAnswerWithoutATotalSaysSoInsteadOfZero() throws Exception {
        CommentPage result = reader(StoreLayout.COMMENT_ID)
                .read(CommentMapperTest.answer("{\"code\":200,\"data\":{\"comments\":[],\"hasMore\":false}}"), page);
        assertThat(result.totalCount()).isEqualTo(-1);
    }

    @Test
    void anEmptyPagePastTheEndIsFine() throws Exception {
        CommentPage result = reader(StoreLayout.COMMENT_ID)
                .read(
                        CommentMapperTest.answer(
                                "{\"code\":200,\"data\":{\"comments\":[],\"totalCount\":5,\"hasMore\":false}}"),
                        page);
        assertThat(result.isEmpty()).isTrue();
        assertThat(result.hasMore()).isFalse();
    }
}
