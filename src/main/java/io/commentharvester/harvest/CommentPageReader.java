package io.commentharvester.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import io.commentharvester.weapi.CaptchaRequiredException;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;
import org.apache.camel.Exchange;

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
        if (answer == null || !answer.isObject()) {
            throw new MalformedAnswerException(page + ": the answer is not a JSON object");
        }
        JsonNode code = answer.get("code");
        if (code == null || !code.canConvertToInt()) {
            throw new MalformedAnswerException(page + ": the answer has no code");
        }
        if (code.asInt() != 200) {
            String message = answer.path("message").isTextual() ? answer.path("message").asText()
                    : answer.path("msg").asText(null);
            if (code.asInt() == CaptchaRequiredException.CODE) {
                JsonNode verifyUrl = answer.path("data").path("verifyUrl");
                throw new CaptchaRequiredException(page, message, verifyUrl.isTextual() ? verifyUrl.asText() : null);
            }
            throw WeapiApiException.of(page, code.asInt(), message);
        }
        JsonNode data = answer.path("data");
        JsonNode comments = data.path("comments");
        if (!comments.isArray()) {
            throw new MalformedAnswerException(page + ": the answer has no data.comments list");
        }
        JsonNode total = data.get("totalCount");
        return new CommentPage(mapper.toComments(comments),
                total != null && total.canConvertToLong() && total.asLong() >= 0 ? total.asLong() : -1,
                data.path("hasMore").asBoolean(false));
    }

    /** Route step: the unmarshalled answer in, the {@link CommentPage} out (also kept as an exchange property). */
    public void readAnswer(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        CommentPage commentPage = read(exchange.getIn().getBody(JsonNode.class), page.toString());
        exchange.setProperty(HarvestExchange.COMMENT_PAGE, commentPage);
        exchange.getIn().removeHeaders("*", HarvestExchange.KEEP_HEADERS);
        exchange.getIn().setBody(commentPage);
    }
}
