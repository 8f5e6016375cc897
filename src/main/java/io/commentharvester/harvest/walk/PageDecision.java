package io.commentharvester.harvest.walk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.walk.PageOutcome.End;

/**
 * Reads one answered page of a cursor walk: which comments are new, where the next page starts, whether the
 * slice is done. A cursor means "older than", so the next page asks from one millisecond after the last
 * comment's time and the comments of that millisecond already seen are dropped: none is lost when a page
 * boundary falls inside a group of comments posted in the same millisecond.
 */
final class PageDecision {

    /** The largest page the API serves; a page whose comments all share one millisecond is asked again this big. */
    static final int MAX_PAGE_SIZE = 50;

    private PageDecision() {}

    /**
     * @param remaining comments still wanted before the walk's target is met ({@link Long#MAX_VALUE}: all)
     */
    static PageOutcome decide(PageRequest unit, CommentPage page, Slice slice, long remaining) {
        List<PageComment> comments = timed(page.comments());
        long cursor = unit.cursor() < 0 ? Slice.TOP : unit.cursor();
        long coveredHigh = slice.coveredHigh >= 0
                ? slice.coveredHigh
                : slice.from != Slice.TOP
                        ? slice.from
                        : comments.isEmpty() ? slice.to : comments.get(0).time() + 1;
        if (comments.isEmpty()) {
            if (!page.hasMore()) {
                return outcome(
                        unit,
                        page,
                        page.comments(),
                        0,
                        slice,
                        slice.to,
                        coveredHigh,
                        slice.next,
                        Set.of(),
                        End.THREAD_END,
                        null,
                        slice.pageSize);
            }
            return stopped(unit, page, slice, "the API answered an empty page before the end of the thread");
        }
        if (cursor != Slice.TOP && comments.get(0).time() >= cursor) {
            return stopped(
                    unit,
                    page,
                    slice,
                    "the API answered comments at or after the cursor " + cursor + " (a repeated page)");
        }
        List<PageComment> fresh = new ArrayList<>();
        for (PageComment comment : comments) {
            if (comment.commentId() == null || !slice.lastGroupIds.contains(comment.commentId())) {
                fresh.add(comment);
            }
        }
        List<PageComment> inBounds =
                fresh.stream().filter(comment -> comment.time() >= slice.to).toList();
        if (inBounds.size() >= remaining) {
            // the newest N pages' worth: store exactly what is missing, newest first, and stop there
            List<PageComment> kept = inBounds.subList(0, (int) remaining);
            long low = slice.next;
            List<PageComment> considered = List.of();
            if (!kept.isEmpty()) {
                PageComment last = kept.get(kept.size() - 1);
                int index = page.comments().indexOf(last);
                considered = page.comments().subList(0, index + 1);
                // the last kept comment's millisecond is whole when the page goes on past it (or the thread ends)
                boolean wholeGroup = index + 1 < page.comments().size()
                        ? page.comments().get(index + 1).time() < last.time()
                        : !page.hasMore();
                low = wholeGroup ? last.time() : last.time() + 1;
            }
            return outcome(
                    unit,
                    page,
                    kept,
                    considered,
                    kept.size(),
                    slice,
                    Math.max(low, slice.to),
                    coveredHigh,
                    slice.next,
                    Set.of(),
                    End.TARGET,
                    null,
                    slice.pageSize);
        }
        long keptNew = inBounds.size();
        long lastTime = comments.get(comments.size() - 1).time();
        if (lastTime < slice.to) {
            return outcome(
                    unit,
                    page,
                    page.comments(),
                    keptNew,
                    slice,
                    slice.to,
                    coveredHigh,
                    slice.next,
                    Set.of(),
                    End.LOWER_BOUND,
                    null,
                    slice.pageSize);
        }
        if (!page.hasMore()) {
            return outcome(
                    unit,
                    page,
                    page.comments(),
                    keptNew,
                    slice,
                    slice.to,
                    coveredHigh,
                    slice.next,
                    Set.of(),
                    End.THREAD_END,
                    null,
                    slice.pageSize);
        }
        Set<String> group = new HashSet<>();
        for (PageComment comment : comments) {
            if (comment.time() == lastTime && comment.commentId() != null) {
                group.add(comment.commentId());
            }
        }
        boolean oneMillisecond = comments.get(0).time() == lastTime;
        long next = lastTime + 1;
        int nextPageSize = slice.pageSize;
        String problem = null;
        if (oneMillisecond) {
            if (comments.size() < MAX_PAGE_SIZE && unit.pageSize() < MAX_PAGE_SIZE) {
                // a whole page in one millisecond: ask the same millisecond again with the largest page
                nextPageSize = MAX_PAGE_SIZE;
                group.addAll(slice.lastGroupIds);
            } else {
                // the API cannot page through the rest of this millisecond: claim only what is newer, and stop
                // the slice so that the walk is reported incomplete rather than skipping comments
                return outcome(
                        unit,
                        page,
                        page.comments(),
                        keptNew,
                        slice,
                        lastTime + 1,
                        coveredHigh,
                        slice.next,
                        Set.of(),
                        End.STOPPED,
                        "more than " + comments.size() + " comments at " + lastTime
                                + " ms, more than one page of the API holds: the walk cannot go past them",
                        slice.pageSize);
            }
        }
        if (next >= cursor && nextPageSize <= unit.pageSize()) {
            return stopped(unit, page, slice, "the walk makes no progress at cursor " + cursor);
        }
        return outcome(
                unit,
                page,
                page.comments(),
                keptNew,
                slice,
                next,
                coveredHigh,
                next,
                group,
                End.NONE,
                problem,
                nextPageSize);
    }

    private static List<PageComment> timed(List<PageComment> comments) {
        List<PageComment> timed = new ArrayList<>(comments.size());
        for (PageComment comment : comments) {
            if (comment.time() >= 0) {
                timed.add(comment);
            }
        }
        return timed;
    }

    private static PageOutcome stopped(PageRequest unit, CommentPage page, Slice slice, String problem) {
        return new PageOutcome(
                unit, page, List.of(), 0, null, slice.next, slice.pageSize, slice.lastGroupIds, End.STOPPED, problem);
    }

    /**
     * The slice's checkpoint covers {@code [coverLow, coveredHigh)}; its count is of the comments counted so far
     * that lie in it: those of this page below {@code coverLow} (the last millisecond's group, which the next page
     * starts with again) are left out, and only they can be, since every earlier page ended with such a group.
     */
    private static PageOutcome outcome(
            PageRequest unit,
            CommentPage page,
            List<PageComment> toStore,
            long keptNew,
            Slice slice,
            long coverLow,
            long coveredHigh,
            long next,
            Set<String> group,
            End end,
            String problem,
            int nextPageSize) {
        return outcome(
                unit,
                page,
                toStore,
                page.comments(),
                keptNew,
                slice,
                coverLow,
                coveredHigh,
                next,
                group,
                end,
                problem,
                nextPageSize);
    }

    /** @param considered the comments of the page that were counted (now or on an earlier page) */
    private static PageOutcome outcome(
            PageRequest unit,
            CommentPage page,
            List<PageComment> toStore,
            List<PageComment> considered,
            long keptNew,
            Slice slice,
            long coverLow,
            long coveredHigh,
            long next,
            Set<String> group,
            End end,
            String problem,
            int nextPageSize) {
        Coverage coverage = null;
        if (coverLow < coveredHigh) {
            long below = considered.stream()
                    .filter(c -> c.time() >= slice.to && c.time() < coverLow)
                    .count();
            coverage = new Coverage(coverLow, coveredHigh, Math.max(0, slice.count + keptNew - below));
        }
        return new PageOutcome(unit, page, toStore, keptNew, coverage, next, nextPageSize, group, end, problem);
    }
}
