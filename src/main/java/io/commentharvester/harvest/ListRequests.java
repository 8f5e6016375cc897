package io.commentharvester.harvest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.commentharvester.config.ThreadListSettings;

/**
 * The request objects and paths of the hot list ({@code {rid, offset, limit, beforeTime: 0}}, the thread id in the
 * path) and of a floor ({@code {parentCommentId, threadId, time, limit}}: time -1, then each answer's data.time),
 * with every value a string as the web client sends them.
 */
public final class ListRequests {

    private final String commentsPath;
    private final ThreadListSettings lists;

    public ListRequests(String commentsPath, ThreadListSettings lists) {
        this.commentsPath = commentsPath;
        this.lists = lists;
    }

    /** The path (after the base URL) the page is POSTed to. */
    public String path(PageRequest page) {
        return switch (page.list()) {
            case HOT -> lists.hotCommentsPath() + page.threadId();
            case FLOOR -> lists.floorPath();
            default -> commentsPath;
        };
    }

    /** The request object of a hot or floor page, without the csrf token. */
    public static Map<String, Object> request(PageRequest page) {
        Map<String, Object> request = new LinkedHashMap<>();
        if (page.list() == ThreadList.HOT) {
            request.put("rid", page.threadId());
            request.put("offset", String.valueOf(page.offset()));
            request.put("limit", String.valueOf(page.pageSize()));
            request.put("beforeTime", "0");
        } else {
            request.put("parentCommentId", page.parentId());
            request.put("threadId", page.threadId());
            request.put("time", String.valueOf(page.cursor()));
            request.put("limit", String.valueOf(page.pageSize()));
        }
        return request;
    }
}
