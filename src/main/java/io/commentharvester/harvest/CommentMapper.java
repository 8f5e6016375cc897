package io.commentharvester.harvest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commentharvester.config.StoreLayout;

/** Turns API comments into Redis hash fields, in the configured layout. */
public class CommentMapper {

    private final ObjectMapper json;
    private final StoreLayout layout;

    public CommentMapper(ObjectMapper json, StoreLayout layout) {
        this.json = json;
        this.layout = layout;
    }

    /** The comments of an answer's list in their stored form, in the order of the answer. */
    public List<PageComment> toComments(JsonNode comments) {
        List<PageComment> page = new ArrayList<>(comments.size());
        for (JsonNode comment : comments) {
            JsonNode id = comment.get("commentId");
            String commentId = id != null && id.canConvertToLong() ? id.asText() : null;
            JsonNode timeNode = comment.get("time");
            long time = timeNode != null && timeNode.canConvertToLong() ? timeNode.asLong() : -1;
            if (layout == StoreLayout.NICKNAME) {
                page.add(new PageComment(commentId, time, comment.path("user").path("nickname").asText(""),
                        comment.path("content").asText("")));
            } else {
                if (commentId == null) {
                    throw new IllegalArgumentException("a comment without a numeric commentId: " + abbreviate(comment));
                }
                page.add(new PageComment(commentId, time, commentId, toStoredJson(comment)));
            }
        }
        return page;
    }

    /**
     * The stored form of a comment: commentId, userId, nickname, content, time, likedCount, ipLocation,
     * parentCommentId, and beRepliedCommentId when the comment answers another.
     */
    public String toStoredJson(JsonNode comment) {
        ObjectNode stored = json.createObjectNode();
        stored.put("commentId", comment.path("commentId").asLong());
        JsonNode user = comment.path("user");
        if (user.has("userId")) {
            stored.put("userId", user.path("userId").asLong());
        }
        stored.put("nickname", user.path("nickname").asText(""));
        stored.put("content", comment.path("content").asText(""));
        stored.put("time", comment.path("time").asLong());
        stored.put("likedCount", comment.path("likedCount").asLong());
        JsonNode location = comment.path("ipLocation").path("location");
        if (location.isTextual() && !location.asText().isEmpty()) {
            stored.put("ipLocation", location.asText());
        }
        stored.put("parentCommentId", comment.path("parentCommentId").asLong(0));
        JsonNode replied = comment.path("beReplied");
        if (replied.isArray() && !replied.isEmpty() && replied.get(0).has("beRepliedCommentId")) {
            stored.put("beRepliedCommentId", replied.get(0).path("beRepliedCommentId").asLong());
        }
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize comment " + stored.path("commentId"), e);
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
