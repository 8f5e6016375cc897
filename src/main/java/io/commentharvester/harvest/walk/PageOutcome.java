package io.commentharvester.harvest.walk;

import java.util.List;
import java.util.Set;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;

/** What one answered page does to its walk: what to store, what to checkpoint, where the walk goes next. */
public final class PageOutcome {

    /** Why the page ends its slice, if it does. */
    public enum End {
        /** More pages follow. */
        NONE,
        /** The page reached the slice's lower bound. */
        LOWER_BOUND,
        /** No older comment exists: the thread's end. */
        THREAD_END,
        /** The newest N pages' worth of comments are stored. */
        TARGET,
        /** The answer cannot be walked on (an empty or repeated page before the end). */
        STOPPED
    }

    final PageRequest unit;
    final CommentPage page;
    final List<PageComment> toStore;
    /** Comments of this page new to the slice and within its bounds. */
    final long keptNew;

    final Coverage coverage;
    final long next;
    final int nextPageSize;
    final Set<String> lastGroupIds;
    final End end;
    final String problem;

    PageOutcome(
            PageRequest unit,
            CommentPage page,
            List<PageComment> toStore,
            long keptNew,
            Coverage coverage,
            long next,
            int nextPageSize,
            Set<String> lastGroupIds,
            End end,
            String problem) {
        this.unit = unit;
        this.page = page;
        this.toStore = List.copyOf(toStore);
        this.keptNew = keptNew;
        this.coverage = coverage;
        this.next = next;
        this.nextPageSize = nextPageSize;
        this.lastGroupIds = lastGroupIds;
        this.end = end;
        this.problem = problem;
    }

    public PageRequest unit() {
        return unit;
    }

    /** The comments to write, in the order of the answer. */
    public List<PageComment> toStore() {
        return toStore;
    }

    /** The slice's checkpoint after this page; null when nothing new is known to be covered. */
    public Coverage coverage() {
        return coverage;
    }

    public End end() {
        return end;
    }

    public String problem() {
        return problem;
    }

    public long totalCount() {
        return page.totalCount();
    }

    /** The time of the page's oldest timed comment; -1 when it has none. */
    long oldestTime() {
        long oldest = -1;
        for (PageComment comment : page.comments()) {
            if (comment.time() >= 0 && (oldest < 0 || comment.time() < oldest)) {
                oldest = comment.time();
            }
        }
        return oldest;
    }
}
