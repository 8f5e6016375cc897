package io.commentharvester.harvest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What the harvest reads of one comment object of an answer, straight from the parser: every other field (the
 * user's avatar, VIP data, decorations, ...) is skipped unread. A field given twice counts with its last value, as
 * in a JSON tree.
 */
final class CommentFields {

    JsonScalar id = JsonScalar.MISSING;
    JsonScalar time = JsonScalar.MISSING;
    JsonScalar content = JsonScalar.MISSING;
    JsonScalar likedCount = JsonScalar.MISSING;
    JsonScalar parentCommentId = JsonScalar.MISSING;
    JsonScalar status = JsonScalar.MISSING;
    JsonScalar ownReplyCount = JsonScalar.MISSING;
    /** {@code user} is an object; then its userId and nickname */
    boolean userObject;

    JsonScalar userId = JsonScalar.MISSING;
    JsonScalar nickname = JsonScalar.MISSING;
    /** {@code ipLocation.location} */
    JsonScalar location = JsonScalar.MISSING;
    /** {@code showFloorComment} is an object; then its replyCount */
    boolean floorObject;

    JsonScalar floorReplyCount = JsonScalar.MISSING;
    /** the first {@code beReplied} entry's beRepliedCommentId when it has one, else null */
    JsonScalar repliedId;
    /** a {@code beReplied} entry without textual content */
    boolean repliedOdd;

    private CommentFields() {}

    /** Reads the comment object at the parser's {@code {}; the parser ends on its {@code }}. */
    static CommentFields read(JsonParser parser) throws IOException {
        CommentFields comment = new CommentFields();
        while (nextField(parser)) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "commentId" -> comment.id = JsonScalar.read(parser);
                case "time" -> comment.time = JsonScalar.read(parser);
                case "content" -> comment.content = JsonScalar.read(parser);
                case "likedCount" -> comment.likedCount = JsonScalar.read(parser);
                case "parentCommentId" -> comment.parentCommentId = JsonScalar.read(parser);
                case "status" -> comment.status = JsonScalar.read(parser);
                case "replyCount" -> comment.ownReplyCount = JsonScalar.read(parser);
                case "user" -> comment.readUser(parser);
                case "ipLocation" -> comment.readLocation(parser);
                case "showFloorComment" -> comment.readFloor(parser);
                case "beReplied" -> comment.readReplied(parser);
                default -> parser.skipChildren();
            }
        }
        return comment;
    }

    /** replies in its floor: {@code showFloorComment.replyCount} or {@code replyCount}, the larger, 0 if none */
    long replyCount() {
        return Math.max(floorReplyCount.asLong(0), ownReplyCount.asLong(0));
    }

    /** Moves to the next field name of the current object: false at its end. */
    static boolean nextField(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            return true;
        }
        if (token == JsonToken.END_OBJECT) {
            return false;
        }
        throw new IOException("the answer ends inside an object");
    }

    private void readUser(JsonParser parser) throws IOException {
        userObject = parser.currentToken() == JsonToken.START_OBJECT;
        userId = JsonScalar.MISSING;
        nickname = JsonScalar.MISSING;
        if (!userObject) {
            parser.skipChildren();
            return;
        }
        while (nextField(parser)) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "userId" -> userId = JsonScalar.read(parser);
                case "nickname" -> nickname = JsonScalar.read(parser);
                default -> parser.skipChildren();
            }
        }
    }

    private void readLocation(JsonParser parser) throws IOException {
        location = JsonScalar.MISSING;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (nextField(parser)) {
            boolean wanted = "location".equals(parser.currentName());
            parser.nextToken();
            if (wanted) {
                location = JsonScalar.read(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    private void readFloor(JsonParser parser) throws IOException {
        floorObject = parser.currentToken() == JsonToken.START_OBJECT;
        floorReplyCount = JsonScalar.MISSING;
        if (!floorObject) {
            parser.skipChildren();
            return;
        }
        while (nextField(parser)) {
            boolean wanted = "replyCount".equals(parser.currentName());
            parser.nextToken();
            if (wanted) {
                floorReplyCount = JsonScalar.read(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Every entry of beReplied (an array's items, or an object's values) must have textual content. */
    private void readReplied(JsonParser parser) throws IOException {
        repliedId = null;
        repliedOdd = false;
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            boolean first = true;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IOException("the answer ends inside a list");
                }
                readRepliedEntry(parser, first);
                first = false;
            }
        } else if (token == JsonToken.START_OBJECT) {
            while (nextField(parser)) {
                parser.nextToken();
                readRepliedEntry(parser, false);
            }
        }
    }

    private void readRepliedEntry(JsonParser parser, boolean first) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            repliedOdd = true;
            parser.skipChildren();
            return;
        }
        boolean textual = false;
        while (nextField(parser)) {
            String name = parser.currentName();
            parser.nextToken();
            if ("content".equals(name)) {
                textual = JsonScalar.read(parser).isTextual();
            } else if (first && "beRepliedCommentId".equals(name)) {
                repliedId = JsonScalar.read(parser);
            } else {
                parser.skipChildren();
            }
        }
        repliedOdd |= !textual;
    }
}
