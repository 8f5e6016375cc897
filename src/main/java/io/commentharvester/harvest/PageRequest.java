package io.commentharvester.harvest;

import io.commentharvester.harvest.walk.Slice;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WorkQueue;

/**
 * One page of a thread's walk: the unit the harvest splits on, retries and records.
 *
 * @param queue    the run's work queue, which is told how the page went
 * @param walk     the thread being walked
 * @param slice    the part of the thread this page belongs to (null for the hot list and floors)
 * @param cursor   -1 for the newest page (the first page of a floor), otherwise the time the page starts at
 * @param pageSize comments asked for
 * @param pageNo   1-based number of the page within its slice, hot list or floor
 * @param list     which list of the thread
 * @param parentId the floor's parent commentId ({@link ThreadList#FLOOR} only)
 */
public record PageRequest(
        WorkQueue queue,
        ThreadWalk walk,
        Slice slice,
        long cursor,
        int pageSize,
        int pageNo,
        ThreadList list,
        String parentId) {

    public PageRequest(WorkQueue queue, ThreadWalk walk, Slice slice, long cursor, int pageSize, int pageNo) {
        this(queue, walk, slice, cursor, pageSize, pageNo, ThreadList.COMMENTS, null);
    }

    public String threadId() {
        return walk.resource().threadId();
    }

    /** Rows the hot list skips before this page. */
    public long offset() {
        return (long) (pageNo - 1) * pageSize;
    }

    /** Where a walk stopped, as {@code <key>:failed} records it. */
    public String position() {
        return switch (list) {
            case HOT -> "hot offset " + offset();
            case FLOOR -> "floor " + parentId + (cursor < 0 ? "" : " time " + cursor);
            default -> cursor < 0 ? "newest page" : "cursor " + cursor;
        };
    }

    @Override
    public String toString() {
        return walk.resource() + " "
                + switch (list) {
                    case HOT -> "hot page " + pageNo;
                    case FLOOR -> "replies of " + parentId + (cursor < 0 ? "" : " after " + cursor);
                    default -> cursor < 0 ? "newest page" : "page before " + cursor;
                };
    }
}
