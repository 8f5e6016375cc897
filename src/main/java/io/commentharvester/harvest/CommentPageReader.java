package io.commentharvester.harvest;

import java.util.List;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.JsonNode;

import io.commentharvester.weapi.CaptchaRequiredException;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

/** Checks the API's {@code code} and reads the comments of a page answer. */
public class CommentPageReader {

    private final CommentMapper mapper;

    public CommentPageReader(CommentMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads an answer of the comments endpoint ({@code {code, data: {comments, totalCount, hasMore}}}).
     *
     * @param page names the page in error messages
     */
    public CommentPage read(JsonNode answer, String page) {
        JsonNode data = checked(answer, page).path("data");
        JsonNode comments = data.path("comments");
        if (!comments.isArray()) {
            throw new MalformedAnswerException(page + ": the answer has no data.comments list");
        }
        JsonNode hot = data.path("hotComments");
        return new CommentPage(
                mapper.toComments(comments),
                total(data.get("totalCount")),
                data.path("hasMore").asBoolean(false),
                hot.isArray() ? mapper.toComments(hot) : List.of(),
                CommentMapper.unreadable(comments),
                -1);
    }

    /** Reads an answer of the hot list ({@code {code, hotComments, total, hasMore}}). */
    public CommentPage readHot(JsonNode answer, String page) {
        JsonNode root = checked(answer, page);
        JsonNode hot = root.path("hotComments");
        if (!hot.isArray()) {
            throw new MalformedAnswerException(page + ": the answer has no hotComments list");
        }
        return new CommentPage(
                mapper.toComments(hot),
                total(root.get("total")),
                root.path("hasMore").asBoolean(false),
                List.of(),
                CommentMapper.unreadable(hot),
                -1);
    }

    /** Reads an answer of a floor ({@code {code, data: {comments, hasMore, totalCount, time}}}). */
    public CommentPage readFloor(JsonNode answer, String page, String parentId) {
        JsonNode data = checked(answer, page).path("data");
        JsonNode replies = data.path("comments");
        if (!replies.isArray()) {
            throw new MalformedAnswerException(page + ": the answer has no data.comments list");
        }
        JsonNode time = data.get("time");
        return new CommentPage(
                mapper.toComments(replies, parentId),
                total(data.get("totalCount")),
                data.path("hasMore").asBoolean(false),
                List.of(),
                CommentMapper.unreadable(replies),
                time != null && time.canConvertToLong() ? time.asLong() : -1);
    }

    private static JsonNode checked(JsonNode answer, String page) {
        if (answer == null || !answer.isObject()) {
            throw new MalformedAnswerException(page + ": the answer is not a JSON object");
        }
        JsonNode code = answer.get("code");
        if (code == null || !code.canConvertToInt()) {
            throw new MalformedAnswerException(page + ": the answer has no code");
        }
        if (code.asInt() != 200) {
            String message = answer.path("message").isTextual()
                    ? answer.path("message").asText()
                    : answer.path("msg").asText(null);
            if (code.asInt() == CaptchaRequiredException.CODE) {
                JsonNode verifyUrl = answer.path("data").path("verifyUrl");
                throw new CaptchaRequiredException(page, message, verifyUrl.isTextual() ? verifyUrl.asText() : null);
            }
            throw WeapiApiException.of(page, code.asInt(), message);
        }
        return answer;
    }

    private static long total(JsonNode total) {
        return total != null && total.canConvertToLong() && total.asLong() >= 0 ? total.asLong() : -1;
    }

    /** Route step: the unmarshalled answer in, the {@link CommentPage} out (also kept as an exchange property). */
    public void readAnswer(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);
        CommentPage commentPage = switch (page.list()) {
            case HOT -> readHot(answer, page.toString());
            case FLOOR -> readFloor(answer, page.toString(), page.parentId());
            default -> read(answer, page.toString());
        };
        exchange.setProperty(HarvestExchange.COMMENT_PAGE, commentPage);
        exchange.getIn().removeHeaders("*", HarvestExchange.KEEP_HEADERS);
        exchange.getIn().setBody(commentPage);
    }
}
