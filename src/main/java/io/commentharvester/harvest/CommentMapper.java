package io.commentharvester.harvest;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.commentharvester.config.StoreLayout;

/**
 * Turns API comments, read from the answer's parser one at a time (no tree), into Redis hash fields, in the
 * configured layout. Every shape is stored with what can be read, never failing its page. A comment is
 * <em>odd</em> when its commentId is not a JSON integer or is past 2^53, or it has no time, no user, no content (a
 * deleted comment), no or an empty {@code ipLocation.location}, no {@code showFloorComment} (top-level comments
 * only: replies never have one), or a {@code beReplied} entry without content. Ids are kept exact: a numeric id as
 * a long, any other id as its text. A comment without any usable id is stored under the derived, stable field
 * {@code noid:<16 hex digits>} (a SHA-256 of its user id, time and content), so a rerun stores it again under the
 * same field.
 */
public class CommentMapper {

    /** Ids past this are not exact as JSON numbers in JavaScript clients: an odd shape. */
    static final long EXACT_IN_DOUBLE = 1L << 53;

    private final JsonFactory json;
    private final StoreLayout layout;

    public CommentMapper(JsonFactory json, StoreLayout layout) {
        this.json = json;
        this.layout = layout;
    }

    /**
     * Reads a list of comments, the parser at its {@code [}, into {@code into} in the order of the answer; entries
     * that are not objects are skipped. The parser ends on the list's {@code ]}.
     *
     * @param floorParent the parent commentId when the list is a floor's replies (their parentCommentId), or null
     * @return how many entries were not comments at all (not JSON objects)
     */
    public int readList(JsonParser parser, String floorParent, List<PageComment> into) throws IOException {
        int unreadable = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("the answer ends inside a list");
            }
            if (token == JsonToken.START_OBJECT) {
                into.add(readComment(parser, floorParent));
            } else {
                parser.skipChildren();
                unreadable++;
            }
        }
        return unreadable;
    }

    /** One comment, the parser at its {@code {}; the parser ends on its {@code }}. */
    PageComment readComment(JsonParser parser, String floorParent) throws IOException {
        CommentFields comment = CommentFields.read(parser);
        String commentId = exactId(comment.id);
        long time = comment.time.canConvertToLong() ? comment.time.asLong(0) : -1;
        boolean odd = isOdd(comment, commentId, time, floorParent != null);
        long replies = comment.replyCount();
        long liked = comment.likedCount.asLong(0);
        if (layout == StoreLayout.NICKNAME) {
            return new PageComment(
                    commentId, time, comment.nickname.asText(""), comment.content.asText(""), replies, liked, odd);
        }
        String field = commentId != null ? commentId : derivedField(comment);
        return new PageComment(
                commentId, time, field, toStoredJson(comment, commentId, floorParent), replies, liked, odd);
    }

    /** The id as exact text: digits for an integer (or a string of digits), the text of any other string. */
    static String exactId(JsonScalar id) {
        if (id.isIntegral()) {
            return id.asText(null);
        }
        String text = id.textValue();
        return text != null && !text.isBlank() ? text.trim() : null;
    }

    private static boolean isOdd(CommentFields comment, String commentId, long time, boolean reply) {
        JsonScalar id = comment.id;
        boolean idOdd = commentId == null
                || !id.isIntegral()
                || !id.canConvertToLong()
                || Math.abs(id.longValue()) > EXACT_IN_DOUBLE;
        JsonScalar location = comment.location;
        boolean shapeOdd = time < 0
                || !comment.userObject
                || !comment.content.isTextual()
                || !location.isTextual()
                || location.textValue().isEmpty()
                || !reply && !comment.floorObject
                || comment.repliedOdd;
        return idOdd || shapeOdd;
    }

    /**
     * The stored form of a comment: commentId, userId, nickname, content (null for a deleted comment), time,
     * likedCount, ipLocation, parentCommentId (a reply's floor parent), beRepliedCommentId when the comment answers
     * another, replyCount and status. What a comment lacks is left out.
     */
    private String toStoredJson(CommentFields comment, String commentId, String floorParent) throws IOException {
        StringWriter out = new StringWriter(320);
        try (JsonGenerator stored = json.createGenerator(out)) {
            stored.writeStartObject();
            if (comment.id.canConvertToLong() && comment.id.isIntegral()) {
                stored.writeNumberField("commentId", comment.id.longValue());
            } else if (commentId != null) {
                stored.writeStringField("commentId", commentId);
            }
            if (comment.userId.canConvertToLong()) {
                stored.writeNumberField("userId", comment.userId.asLong(0));
            }
            if (comment.userObject) {
                stored.writeStringField("nickname", comment.nickname.asText(""));
            }
            if (comment.content.isTextual()) {
                stored.writeStringField("content", comment.content.textValue());
            } else {
                stored.writeNullField("content");
            }
            if (comment.time.canConvertToLong()) {
                stored.writeNumberField("time", comment.time.asLong(0));
            }
            stored.writeNumberField("likedCount", comment.likedCount.asLong(0));
            String location = comment.location.textValue();
            if (location != null && !location.isEmpty()) {
                stored.writeStringField("ipLocation", location);
            }
            if (floorParent != null && isLongDigits(floorParent)) {
                stored.writeNumberField("parentCommentId", Long.parseLong(floorParent));
            } else if (floorParent != null) {
                stored.writeStringField("parentCommentId", floorParent);
            } else {
                stored.writeNumberField("parentCommentId", comment.parentCommentId.asLong(0));
            }
            if (comment.repliedId != null) {
                stored.writeNumberField("beRepliedCommentId", comment.repliedId.asLong(0));
            }
            stored.writeNumberField("replyCount", comment.replyCount());
            stored.writeNumberField("status", comment.status.asInt(0));
            stored.writeEndObject();
        }
        return out.toString();
    }

    /** 1 to 18 ASCII digits: a floor parent stored as a number. */
    private static boolean isLongDigits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code noid:} and 16 hex digits of a SHA-256 of the comment's user id, time and content. */
    private static String derivedField(CommentFields comment) {
        String basis = comment.userId.asText("") + "|" + comment.time.asText("") + "|" + comment.content.asText("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "noid:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
