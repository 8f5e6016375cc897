package io.commentharvester.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The last touch of a generated thread: which comments have replies, and which have the odd shapes real answers
 * show. Both are decided per comment from the thread id and the comment's place alone, so the shares change
 * nothing else. An odd comment is one of: deleted (content null, status -1), user null, no ipLocation, an empty
 * ipLocation.location, showFloorComment null, a beReplied entry whose content is null, a commentId past 2^53, a
 * commentId that is not a number (a string). Odd comments have no replies.
 */
final class OddShapes {

    /** The most replies a comment has. */
    static final int MAX_REPLIES = 300;

    static final int KINDS = 8;

    private OddShapes() {}

    /** Shapes the thread's comments in place; answers how many are odd. */
    static int shape(String threadId, ObjectNode[] byTime, double replyShare, double oddShare) {
        long seed = CommentCorpus.hash(threadId + "/shapes");
        int odd = 0;
        for (int i = 0; i < byTime.length; i++) {
            ObjectNode node = byTime[i];
            long draw = CommentCorpus.mix(seed ^ (i * 0x9e3779b97f4a7c15L));
            boolean isOdd = unit(draw) < oddShare;
            long replyDraw = CommentCorpus.mix(draw ^ 0x5851f42d4c957f2dL);
            int replies = !isOdd && unit(replyDraw) < replyShare
                    ? 1 + (int) Long.remainderUnsigned(CommentCorpus.mix(replyDraw), MAX_REPLIES)
                    : 0;
            ((ObjectNode) node.get("showFloorComment")).put("replyCount", replies);
            node.put("replyCount", replies);
            if (isOdd) {
                odd++;
                oddify(node, (int) Long.remainderUnsigned(CommentCorpus.mix(draw ^ 0x2545f4914f6cdd1dL), KINDS));
            }
        }
        return odd;
    }

    private static double unit(long draw) {
        return (draw >>> 11) * 0x1.0p-53;
    }

    private static void oddify(ObjectNode node, int kind) {
        long id = node.get("commentId").longValue();
        switch (kind) {
            case 0 -> {
                node.putNull("content");
                node.put("status", -1);
            }
            case 1 -> node.putNull("user");
            case 2 -> node.remove("ipLocation");
            case 3 -> ((ObjectNode) node.get("ipLocation")).put("location", "");
            case 4 -> node.putNull("showFloorComment");
            case 5 -> {
                ArrayNode replied = node.putArray("beReplied");
                ObjectNode entry = replied.addObject();
                entry.put("beRepliedCommentId", id - 1);
                entry.putNull("content");
                entry.put("status", -5);
                entry.putNull("user");
            }
            case 6 -> node.put("commentId", (1L << 53) + id);
            default -> node.put("commentId", "c" + id);
        }
    }
}
