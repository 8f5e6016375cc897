package io.commentharvester.sandbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The replies of a comment (its floor), generated from the thread id and the parent alone: as many as the parent's
 * {@code replyCount}, oldest first, each later than the one before (distinct times), with commentIds
 * {@code parentId * 1000 + n} (never those of the thread's comments), {@code parentCommentId} the parent's id,
 * {@code beReplied} the parent or an earlier reply, and no {@code showFloorComment} (replies have no floor).
 */
final class FloorReplies {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private FloorReplies() {}

    /** The parent's replies, oldest first; none for an unknown parent. Shared nodes: copy before changing. */
    static List<ObjectNode> of(String threadId, ObjectNode parent) {
        if (parent == null || !parent.path("commentId").isIntegralNumber()) {
            return List.of();
        }
        int count = parent.path("replyCount").asInt(0);
        long parentId = parent.get("commentId").longValue();
        SplittableRandom random = new SplittableRandom(CommentCorpus.hash(threadId + "/floor/" + parentId));
        List<ObjectNode> replies = new ArrayList<>(count);
        long time = parent.get("time").longValue();
        for (int n = 1; n <= count; n++) {
            time += 1 + random.nextLong(3_600_000L);
            ObjectNode user = CorpusWords.user(random.nextInt(CorpusWords.users()));
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            reply.set("user", user);
            ObjectNode target = n > 1 && random.nextInt(3) == 0 ? replies.get(random.nextInt(n - 1)) : parent;
            ObjectNode replied = reply.putArray("beReplied").addObject();
            replied.set(
                    "user",
                    target.get("user") == null ? null : target.get("user").deepCopy());
            CommentCorpus.putInteger(
                    replied, "beRepliedCommentId", target.get("commentId").longValue());
            replied.set("content", target.get("content"));
            replied.put("status", 0);
            reply.put("status", 0);
            CommentCorpus.putInteger(reply, "commentId", parentId * 1000 + n);
            reply.put("content", CorpusWords.content(random));
            CommentCorpus.putInteger(reply, "time", time);
            reply.put("timeStr", DAY.format(Instant.ofEpochMilli(time).atZone(CHINA)));
            CommentCorpus.putInteger(reply, "likedCount", random.nextInt(50));
            CommentCorpus.putInteger(reply, "parentCommentId", parentId);
            reply.putNull("showFloorComment");
            ObjectNode ip = reply.putObject("ipLocation");
            ip.put("location", "北京");
            replies.add(reply);
        }
        return replies;
    }
}
