package io.commentharvester.harvest;

import io.commentharvester.harvest.walk.Slice;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WorkQueue;

/**
 * One page of a thread's walk: the unit the harvest splits on, retries and records.
 *
 * @param queue    the run's work queue, which is told how the page went
 * @param walk     the thread being walked
 * @param slice    the part of the thread this page belongs to
 * @param cursor   -1 for the newest page, otherwise the time the page starts before
 * @param pageSize comments asked for
 * @param pageNo   1-based number of the page within its slice (the web client's pageNo)
 */
public record PageRequest(WorkQueue queue, ThreadWalk walk, Slice slice, long cursor, int pageSize, int pageNo) {

    public String threadId() {
        return walk.resource().threadId();
    }

    @Override
    public String toString() {
        return walk.resource() + " " + (cursor < 0 ? "newest page" : "page before " + cursor);
    }
}
