package io.commentharvester.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.commentharvester.weapi.CaptchaRequiredException;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

/**
 * Reads a page answer of the API straight from its bytes with Jackson's streaming parser, in one pass and without a
 * tree: the API's {@code code}, the page's counts and cursor, and its comments already in their stored form (see
 * {@link CommentMapper}). The code is checked once the whole answer is read, wherever it stands in it. An answer
 * that is not JSON, not a JSON object, has no code or no list of comments is malformed (worth a retry).
 */
public class CommentPageReader {

    private final JsonFactory json;
    private final CommentMapper mapper;

    public CommentPageReader(JsonFactory json, CommentMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /** Reads an answer of the comments endpoint ({@code {code, data: {comments, totalCount, hasMore}}}). */
    public CommentPage read(InputStream answer, String page) {
        return read(answer, ThreadList.COMMENTS, page, null);
    }

    /** Reads an answer of the hot list ({@code {code, hotComments, total, hasMore}}). */
    public CommentPage readHot(InputStream answer, String page) {
        return read(answer, ThreadList.HOT, page, null);
    }

    /** Reads an answer of a floor ({@code {code, data: {comments, hasMore, totalCount, time}}}). */
    public CommentPage readFloor(InputStream answer, String page, String parentId) {
        return read(answer, ThreadList.FLOOR, page, parentId);
    }

    /**
     * @param page     names the page in error messages
     * @param parentId the floor's parent commentId (floor answers only)
     */
    public CommentPage read(InputStream answer, ThreadList list, String page, String parentId) {
        AnswerFields fields;
        try (JsonParser parser = json.createParser(answer == null ? InputStream.nullInputStream() : answer)) {
            fields = readFields(parser, list, parentId);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException(page + ": the answer is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedAnswerException(page + ": the answer could not be read: " + e.getMessage(), e);
        }
        if (fields == null) {
            throw new MalformedAnswerException(page + ": the answer is not a JSON object");
        }
        check(fields, page);
        if (fields.comments == null) {
            throw new MalformedAnswerException(page
                    + (list == ThreadList.HOT
                            ? ": the answer has no hotComments list"
                            : ": the answer has no data.comments list"));
        }
        JsonScalar time = fields.time;
        return new CommentPage(
                fields.comments,
                total(list == ThreadList.HOT ? fields.rootTotal : fields.totalCount),
                (list == ThreadList.HOT ? fields.rootHasMore : fields.hasMore).asBoolean(false),
                list == ThreadList.COMMENTS && fields.hot != null ? fields.hot : List.of(),
                fields.unreadable,
                list == ThreadList.FLOOR && time.canConvertToLong() ? time.asLong(0) : -1);
    }

    /** One pass over the answer; null when it is not a JSON object. */
    private AnswerFields readFields(JsonParser parser, ThreadList list, String parentId) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        AnswerFields fields = new AnswerFields();
        while (CommentFields.nextField(parser)) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "code" -> fields.code = JsonScalar.read(parser);
                case "message" -> fields.message = JsonScalar.read(parser);
                case "msg" -> fields.msg = JsonScalar.read(parser);
                case "total" -> fields.rootTotal = JsonScalar.read(parser);
                case "hasMore" -> fields.rootHasMore = JsonScalar.read(parser);
                case "data" -> readData(parser, token, list, parentId, fields);
                case "hotComments" -> {
                    if (list == ThreadList.HOT) {
                        fields.comments = null;
                        fields.unreadable = 0;
                        if (token == JsonToken.START_ARRAY) {
                            fields.comments = new ArrayList<>(20);
                            fields.unreadable = mapper.readList(parser, null, fields.comments);
                        }
                    }
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }
        return fields;
    }

    private void readData(JsonParser parser, JsonToken token, ThreadList list, String parentId, AnswerFields fields)
            throws IOException {
        fields.resetData(list);
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (CommentFields.nextField(parser)) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "totalCount" -> fields.totalCount = JsonScalar.read(parser);
                case "hasMore" -> fields.hasMore = JsonScalar.read(parser);
                case "time" -> fields.time = JsonScalar.read(parser);
                case "verifyUrl" -> fields.verifyUrl = JsonScalar.read(parser);
                case "comments" -> {
                    if (list != ThreadList.HOT) {
                        fields.comments = null;
                        fields.unreadable = 0;
                        if (value == JsonToken.START_ARRAY) {
                            fields.comments = new ArrayList<>(20);
                            fields.unreadable = mapper.readList(parser, parentId, fields.comments);
                        }
                    }
                    parser.skipChildren();
                }
                case "hotComments" -> {
                    fields.hot = null;
                    if (list == ThreadList.COMMENTS && value == JsonToken.START_ARRAY) {
                        fields.hot = new ArrayList<>();
                        mapper.readList(parser, null, fields.hot);
                    }
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** The API's code must be 200 (a number, or a string of digits); anything else is the API's error. */
    private static void check(AnswerFields fields, String page) {
        JsonScalar code = fields.code;
        int value;
        if (code.canConvertToInt()) {
            value = code.asInt(0);
        } else if (code.isTextual() && code.textValue().trim().matches("-?[0-9]{1,9}")) {
            value = Integer.parseInt(code.textValue().trim());
        } else {
            throw new MalformedAnswerException(page + ": the answer has no code");
        }
        if (value == 200) {
            return;
        }
        String message = fields.message.isTextual() ? fields.message.textValue() : fields.msg.asText(null);
        if (value == CaptchaRequiredException.CODE) {
            throw new CaptchaRequiredException(page, message, fields.verifyUrl.textValue());
        }
        throw WeapiApiException.of(page, value, message);
    }

    private static long total(JsonScalar total) {
        return total.canConvertToLong() && total.asLong(0) >= 0 ? total.asLong(0) : -1;
    }

    /** Route step: the answer's bytes in, the {@link CommentPage} out (also kept as an exchange property). */
    public void readAnswer(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        InputStream answer = exchange.getIn().getBody(InputStream.class);
        CommentPage commentPage = read(answer, page.list(), page.toString(), page.parentId());
        exchange.setProperty(HarvestExchange.COMMENT_PAGE, commentPage);
        exchange.getIn().removeHeaders("*", HarvestExchange.KEEP_HEADERS);
        exchange.getIn().setBody(commentPage);
    }

    /** What one pass keeps of an answer. */
    private static final class AnswerFields {
        JsonScalar code = JsonScalar.MISSING;
        JsonScalar message = JsonScalar.MISSING;
        JsonScalar msg = JsonScalar.MISSING;
        JsonScalar rootTotal = JsonScalar.MISSING;
        JsonScalar rootHasMore = JsonScalar.MISSING;
        JsonScalar totalCount = JsonScalar.MISSING;
        JsonScalar hasMore = JsonScalar.MISSING;
        JsonScalar time = JsonScalar.MISSING;
        JsonScalar verifyUrl = JsonScalar.MISSING;
        List<PageComment> comments;
        List<PageComment> hot;
        int unreadable;

        /** A (second) {@code data} replaces what an earlier one said. */
        void resetData(ThreadList list) {
            totalCount = JsonScalar.MISSING;
            hasMore = JsonScalar.MISSING;
            time = JsonScalar.MISSING;
            verifyUrl = JsonScalar.MISSING;
            hot = null;
            if (list != ThreadList.HOT) {
                comments = null;
                unreadable = 0;
            }
        }
    }
}
