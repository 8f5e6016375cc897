package io.commentharvester.sandbox;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hot list and floor endpoints. The hot list ({@code /weapi/v1/resource/hotcomments/<threadId>}, offset paging)
 * is the thread's {@link #HOT_LIST} most liked comments; as the real list is reported to, each page after the first
 * repeats the last few items of the page before (a number derived from the thread id and the limit). A floor
 * ({@code /weapi/resource/comment/floor/get}) serves a comment's replies oldest first, from the first one later
 * than {@code time} ({@code -1}: from the first), with {@code data.time} the last one's time.
 */
final class ListAnswers {

    static final String HOT_PREFIX = "/weapi/v1/resource/hotcomments/";
    static final String FLOOR_PATH = "/weapi/resource/comment/floor/get";
    /** Comments in a thread's hot list. */
    static final int HOT_LIST = 100;

    static final int FLOOR_MAX_LIMIT = 100;

    private final CommentCorpus corpus;

    ListAnswers(CommentCorpus corpus) {
        this.corpus = corpus;
    }

    /** Items of a hot page repeated from the page before it. */
    static int repeated(String threadId, int limit) {
        return limit <= 1
                ? 0
                : 1 + (int) Long.remainderUnsigned(CommentCorpus.hash(threadId + "/hot"), Math.max(1, limit / 4));
    }

    /** A hot page, from an old-API style query (offset, size). */
    byte[] hot(PageQuery query) {
        List<ObjectNode> hot = corpus.thread(query.threadId()).byHot;
        int total = Math.min(HOT_LIST, hot.size());
        long page = query.offset() / query.size();
        long start = Math.max(0, query.offset() - page * repeated(query.threadId(), query.size()));
        int from = (int) Math.min(start, total);
        int to = (int) Math.min(start + query.size(), total);
        ObjectNode root = SandboxJson.object();
        root.put("code", 200);
        root.put("total", total);
        root.put("hasMore", to < total);
        ArrayNode list = root.putArray("hotComments");
        hot.subList(from, to).forEach(list::add);
        return SandboxJson.bytes(root);
    }

    /** The query of a floor page. */
    record FloorQuery(String threadId, String parentId, long time, int limit) {
        String faultKey() {
            return "floor:" + parentId + ":" + time;
        }
    }

    static FloorQuery floorQuery(JsonNode request) throws BadRequestException {
        String threadId = RequestDecoder.text(request, "threadId");
        String parentId = RequestDecoder.text(request, "parentCommentId");
        if (threadId == null || parentId == null) {
            throw new BadRequestException("threadId or parentCommentId is missing");
        }
        RequestDecoder.checkThreadId(threadId);
        Long time = RequestDecoder.number(request, "time");
        Long limit = RequestDecoder.number(request, "limit");
        int size = limit == null || limit < 1 ? 20 : (int) Math.min(limit, FLOOR_MAX_LIMIT);
        return new FloorQuery(threadId, parentId, time == null ? -1 : time, size);
    }

    byte[] floor(FloorQuery query) {
        List<ObjectNode> replies = FloorReplies.of(
                query.threadId(), corpus.thread(query.threadId()).byId(query.parentId()));
        int start = 0;
        while (query.time() >= 0
                && start < replies.size()
                && replies.get(start).get("time").longValue() <= query.time()) {
            start++;
        }
        int end = Math.min(start + query.limit(), replies.size());
        ObjectNode root = SandboxJson.object();
        root.put("code", 200);
        ObjectNode data = root.putObject("data");
        ArrayNode list = data.putArray("comments");
        replies.subList(start, end).forEach(list::add);
        data.put("hasMore", end < replies.size());
        data.put("totalCount", replies.size());
        data.put("time", end > start ? replies.get(end - 1).get("time").longValue() : query.time());
        data.putArray("bestComments");
        return SandboxJson.bytes(root);
    }
}
