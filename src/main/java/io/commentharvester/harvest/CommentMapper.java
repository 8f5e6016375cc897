package io.commentharvester.harvest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.config.StoreLayout;

/**
 * Turns API comments into Redis hash fields, in the configured layout. Every shape is stored with what can be
 * read, never failing its page. A comment is <em>odd</em> when its commentId is not a JSON integer or is past
 * 2^53, or it has no time, no user, no content (a deleted comment), no or an empty {@code ipLocation.location},
 * no {@code showFloorComment} (top-level comments only: replies never have one), or a {@code beReplied} entry
 * without content. Ids are kept exact: a numeric id as a long, any other id as its text. A comment without any
 * usable id is stored under the derived, stable field {@code noid:<16 hex digits>} (a SHA-256 of its user id,
 * time and content), so a rerun stores it again under the same field.
 */
public class CommentMapper {

    /** Ids past this are not exact as JSON numbers in JavaScript clients: an odd shape. */
    static final long EXACT_IN_DOUBLE = 1L << 53;

    private final ObjectMapper json;
    private final StoreLayout layout;

    public CommentMapper(ObjectMapper json, StoreLayout layout) {
        this.json = json;
        this.layout = layout;
    }

    /** The comments of an answer's list in their stored form, in the order of the answer (non-objects skipped). */
    public List<PageComment> toComments(JsonNode comments) {
        return toComments(comments, null);
    }

    /**
     * @param floorParent the parent commentId when the list is a floor's replies (their parentCommentId), or null
     */
    public List<PageComment> toComments(JsonNode comments, String floorParent) {
        List<PageComment> page = new ArrayList<>(comments.size());
        for (JsonNode comment : comments) {
            if (comment.isObject()) {
                page.add(toComment(comment, floorParent));
            }
        }
        return page;
    }

    /** Entries of an answer's list that are not comments at all. */
    public static int unreadable(JsonNode comments) {
        int count = 0;
        for (JsonNode comment : comments) {
            count += comment.isObject() ? 0 : 1;
        }
        return count;
    }

    PageComment toComment(JsonNode comment, String floorParent) {
        JsonNode id = comment.get("commentId");
        String commentId = exactId(id);
        JsonNode timeNode = comment.get("time");
        long time = timeNode != null && timeNode.canConvertToLong() ? timeNode.asLong() : -1;
        boolean odd = isOdd(comment, id, commentId, time, floorParent != null);
        long replies = replyCount(comment);
        long liked = comment.path("likedCount").asLong(0);
        if (layout == StoreLayout.NICKNAME) {
            return new PageComment(
                    commentId,
                    time,
                    comment.path("user").path("nickname").asText(""),
                    comment.path("content").asText(""),
                    replies,
                    liked,
                    odd);
        }
        String field = commentId != null ? commentId : derivedField(comment);
        return new PageComment(commentId, time, field, toStoredJson(comment, floorParent), replies, liked, odd);
    }

    /** The id as exact text: digits for an integer (or a string of digits), the text of any other string. */
    static String exactId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber()) {
            return id.bigIntegerValue().toString();
        }
        if (id.isTextual() && !id.textValue().isBlank()) {
            return id.textValue().trim();
        }
        return null;
    }

    private static boolean isOdd(JsonNode comment, JsonNode id, String commentId, long time, boolean reply) {
        boolean idOdd = commentId == null
                || !id.isIntegralNumber()
                || !id.canConvertToLong()
                || Math.abs(id.longValue()) > EXACT_IN_DOUBLE;
        JsonNode location = comment.path("ipLocation").path("location");
        boolean shapeOdd = time < 0
                || !comment.path("user").isObject()
                || !comment.path("content").isTextual()
                || !location.isTextual()
                || location.asText().isEmpty()
                || !reply && !comment.path("showFloorComment").isObject();
        for (JsonNode replied : comment.path("beReplied")) {
            shapeOdd |= !replied.path("content").isTextual();
        }
        return idOdd || shapeOdd;
    }

    static long replyCount(JsonNode comment) {
        return Math.max(
                comment.path("showFloorComment").path("replyCount").asLong(0),
                comment.path("replyCount").asLong(0));
    }

    /** The stored form of a top-level comment (see {@link #toStoredJson(JsonNode, String)}). */
    public String toStoredJson(JsonNode comment) {
        return toStoredJson(comment, null);
    }

    /**
     * The stored form of a comment: commentId, userId, nickname, content (null for a deleted comment), time,
     * likedCount, ipLocation, parentCommentId (a reply's floor parent), beRepliedCommentId when the comment answers
     * another, replyCount and status. What a comment lacks is left out.
     */
    public String toStoredJson(JsonNode comment, String floorParent) {
        ObjectNode stored = json.createObjectNode();
        JsonNode id = comment.get("commentId");
        if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
            stored.put("commentId", id.longValue());
        } else if (exactId(id) != null) {
            stored.put("commentId", exactId(id));
        }
        JsonNode user = comment.path("user");
        if (user.path("userId").canConvertToLong()) {
            stored.put("userId", user.path("userId").asLong());
        }
        if (user.isObject()) {
            stored.put("nickname", user.path("nickname").asText(""));
        }
        JsonNode content = comment.path("content");
        if (content.isTextual()) {
            stored.put("content", content.asText());
        } else {
            stored.putNull("content");
        }
        if (comment.path("time").canConvertToLong()) {
            stored.put("time", comment.path("time").asLong());
        }
        stored.put("likedCount", comment.path("likedCount").asLong());
        JsonNode location = comment.path("ipLocation").path("location");
        if (location.isTextual() && !location.asText().isEmpty()) {
            stored.put("ipLocation", location.asText());
        }
        if (floorParent != null && floorParent.matches("[0-9]{1,18}")) {
            stored.put("parentCommentId", Long.parseLong(floorParent));
        } else if (floorParent != null) {
            stored.put("parentCommentId", floorParent);
        } else {
            stored.put("parentCommentId", comment.path("parentCommentId").asLong(0));
        }
        JsonNode replied = comment.path("beReplied");
        if (replied.isArray() && !replied.isEmpty() && replied.get(0).has("beRepliedCommentId")) {
            stored.put(
                    "beRepliedCommentId",
                    replied.get(0).path("beRepliedCommentId").asLong());
        }
        stored.put("replyCount", replyCount(comment));
        stored.put("status", comment.path("status").asInt(0));
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize comment " + stored.path("commentId"), e);
        }
    }

    /** {@code noid:} and 16 hex digits of a SHA-256 of the comment's user id, time and content. */
    static String derivedField(JsonNode comment) {
        String basis = comment.path("user").path("userId").asText("") + "|"
                + comment.path("time").asText("") + "|"
                + comment.path("content").asText("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "noid:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
