package io.commentharvester.sandbox;

/**
 * One validated comment page request of either API.
 *
 * @param threadId   the thread, e.g. {@code R_SO_4_1359645265}
 * @param oldApi     whether it came to the old API ({@code /weapi/v1/resource/comments/<threadId>})
 * @param order      the order the page is served in
 * @param sortType   the {@code sortType} the new API reports
 * @param cursorMode whether the page starts at a time ({@code cursor} or {@code beforeTime}) instead of an offset
 * @param cursor     the time in ms (cursor mode only): the page starts at the first comment strictly older
 * @param offset     rows to skip (offset mode only)
 * @param size       comments per page, already capped
 * @param pageNo     the page's number as the request gives it ({@code pageNo}, else offset / size + 1); 0 when
 *                   it gives none (a cursor page of the old API)
 */
record PageQuery(
        String threadId,
        boolean oldApi,
        CommentOrder order,
        int sortType,
        boolean cursorMode,
        long cursor,
        long offset,
        int size,
        int pageNo) {

    /** What identifies the page for the fault plan. */
    String faultKey() {
        return cursorMode ? "cursor:" + cursor : "offset:" + offset;
    }
}
