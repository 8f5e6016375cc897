package io.commentharvester.harvest.walk;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.ThreadList;

/**
 * The walk of a thread's hot list, by offset, one page at a time. The real list is reported to repeat items
 * across pages: comments are deduplicated by hash field, and the walk ends at a page that brings nothing new,
 * an empty page, {@code hasMore} false, or the pages wanted. Guarded by the {@link WorkQueue}'s lock.
 */
public final class HotList {

    private final int pagesWanted;
    private final int pageSize;
    private final Set<String> seen = new HashSet<>();
    private int pageNo;
    boolean inFlight;
    private boolean done;
    private boolean stopped;

    /** @param pagesWanted top pages to walk; 0 for the whole list */
    public HotList(int pagesWanted, int pageSize) {
        this.pagesWanted = pagesWanted;
        this.pageSize = pageSize;
    }

    PageRequest next(WorkQueue queue, ThreadWalk walk) {
        if (done || stopped || inFlight) {
            return null;
        }
        inFlight = true;
        pageNo++;
        return new PageRequest(queue, walk, null, -1, pageSize, pageNo, ThreadList.HOT, null);
    }

    /** The comments of a hot page (or a first page's hotComments) not seen before; changes nothing. */
    public List<PageComment> fresh(List<PageComment> comments) {
        return comments.stream()
                .filter(comment -> !seen.contains(comment.field()))
                .distinct()
                .toList();
    }

    /** The hot comments are written: remembered, and the walk ends when the page brought nothing new. */
    void apply(PageRequest page, CommentPage answer) {
        boolean anythingNew = false;
        for (PageComment comment : answer.comments()) {
            anythingNew |= seen.add(comment.field());
        }
        if (page != null && (!anythingNew || !answer.hasMore() || pagesWanted > 0 && page.pageNo() >= pagesWanted)) {
            done = true;
        }
    }

    /** Hot comments met elsewhere (a first page's {@code data.hotComments}) are written. */
    void seen(List<PageComment> comments) {
        comments.forEach(comment -> seen.add(comment.field()));
    }

    void failed() {
        stopped = true;
    }

    boolean isFinished() {
        return (done || stopped) && !inFlight;
    }

    boolean isComplete() {
        return done && !stopped;
    }

    /** Distinct hot comments seen in this run. */
    public int distinct() {
        return seen.size();
    }
}
