package io.commentharvester.harvest.walk;

import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.ThreadList;

/** Hands out and settles the pages of a thread's hot list and floors. Called under the {@link WorkQueue}'s lock. */
final class ThreadLists {

    private ThreadLists() {}

    /** The next page of the hot list or of a floor, if one can go now. */
    static PageRequest next(WorkQueue queue, ThreadWalk walk) {
        PageRequest page = walk.hot() == null ? null : walk.hot().next(queue, walk);
        return page != null || walk.floors() == null ? page : walk.floors().next(queue, walk);
    }

    /** A page of the hot list or of a floor is over. */
    static void pageDone(PageRequest page) {
        if (page.list() == ThreadList.HOT) {
            page.walk().hot().inFlight = false;
        } else {
            page.walk().floors().pageDone(page);
        }
    }

    static void pageFailed(PageRequest page) {
        if (page.list() == ThreadList.HOT) {
            page.walk().hot().failed();
        } else {
            page.walk().floors().failed(page);
        }
    }
}
