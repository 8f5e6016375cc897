package io.commentharvester.harvest.walk;

import java.util.List;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.Resource;

/**
 * The walk of one comment thread in time order, newest first, over the parts of its time span that earlier
 * runs have not covered. With all pages wanted, the span is split into slices walked in parallel, and a long
 * slice is split again whenever a worker is free; with the newest N pages wanted, the walk is one chain of
 * cursors from the newest comment, so that exactly the newest N x page-size comments are stored.
 * The walk holds the thread's lists and tells how far it got and how complete it is; the slices of its time
 * span and what is stored around them are its {@link ThreadSpan}, and their pages are handed out and settled by
 * its {@link SlicePages}. Not thread-safe: the {@link WorkQueue} calls it under its lock.
 */
public final class ThreadWalk {

    private final Resource resource;
    private final String commentsKey;
    /** Comments wanted: {@link Long#MAX_VALUE} for every comment. */
    private final long target;

    private final int pageSize;
    private final ThreadSpan span;
    private final SlicePages pages;

    private final WalkTally tally = new WalkTally();
    /** The hot list and the floors, when harvested (see {@link ThreadLists}); {@code harvest.order=hot}: no main list. */
    private HotList hot;

    private Floors floors;
    private boolean mainList = true;

    /**
     * @param covered what earlier runs stored, as time ranges
     * @param target  comments wanted (newest first); {@link Long#MAX_VALUE} for every comment
     * @param runTag  distinguishes this run's checkpoint entries from earlier runs'
     */
    public ThreadWalk(
            Resource resource, String commentsKey, List<Coverage> covered, long target, int pageSize, String runTag) {
        this(resource, commentsKey, covered, target, pageSize, runTag, -1);
    }

    /**
     * An incremental walk: only the gaps above {@code watermark} (a comment time at and below which every comment
     * is stored) are walked, from the newest comment down; -1 walks every gap, as the other constructor.
     */
    public ThreadWalk(
            Resource resource,
            String commentsKey,
            List<Coverage> covered,
            long target,
            int pageSize,
            String runTag,
            long watermark) {
        this.resource = resource;
        this.commentsKey = commentsKey;
        this.target = target;
        this.pageSize = pageSize;
        this.span = new ThreadSpan(covered, pageSize, runTag, watermark);
        this.pages = new SlicePages(this, span, tally, target);
    }

    /**
     * A walk that owns no part of its thread yet: a distributed harvest adds the parts it claims ({@link Claims}).
     */
    public static ThreadWalk unclaimed(
            Resource resource, String commentsKey, long target, int pageSize, String runTag) {
        ThreadWalk walk =
                new ThreadWalk(resource, commentsKey, List.of(new Coverage(0, Slice.TOP, 0)), target, pageSize, runTag);
        walk.span.bottomReached = false;
        walk.span.shared = true;
        return walk;
    }

    /** Another process of a distributed harvest walked the thread to its end (every part of it is stored). */
    public void endFoundElsewhere() {
        span.bottomReached = true;
    }

    /** Adds a part of the thread a distributed harvest claimed: see {@link ThreadSpan#claim}. */
    int claim(long from, long to, List<Coverage> covered, String tag) {
        return span.claim(from, to, covered, tag);
    }

    /** Cuts the older half off a slice and gives it away: see {@link SlicePages#carve}. */
    Slice carve(Slice slice, double estimate) {
        return pages.carve(slice, estimate);
    }

    /** The slice from the newest comment was walked down to its lower bound (or the walk's target). */
    public boolean newestSliceDone() {
        return span.newestSliceDone();
    }

    public Resource resource() {
        return resource;
    }

    public String commentsKey() {
        return commentsKey;
    }

    public WalkTally tally() {
        return tally;
    }

    public boolean wantsAll() {
        return target == Long.MAX_VALUE;
    }

    /** Slices of this walk, newest first (for tests and the checkpoint). */
    List<Slice> slices() {
        return span.slices();
    }

    boolean isFinished() {
        return span.isFinished() && (hot == null || hot.isFinished()) && (floors == null || floors.isFinished());
    }

    /** Also walks the hot list. */
    public void withHot(HotList list) {
        hot = list;
    }

    /** Also walks the floors of the comments with replies. */
    public void withFloors(Floors list) {
        floors = list;
    }

    /** Walks only the hot list (and floors), not the main list ({@code harvest.order=hot}). */
    public void hotOnly() {
        mainList = false;
        span.slices().clear();
    }

    public HotList hot() {
        return hot;
    }

    public Floors floors() {
        return floors;
    }

    /** A slice ready for its next page: see {@link SlicePages#idleSlice}. */
    Slice idleSlice() {
        return pages.idleSlice();
    }

    PageRequest nextPage(WorkQueue queue, Slice slice) {
        return pages.nextPage(queue, slice);
    }

    PageOutcome decide(PageRequest unit, CommentPage page) {
        return pages.decide(unit, page);
    }

    /** The page's comments are written: the walk moves on (see {@link SlicePages#apply}). */
    void apply(PageOutcome outcome, long added, long stored) {
        pages.apply(outcome, added, stored);
    }

    /**
     * An estimate of the main list's comments this run has still to walk, for the progress: 0 once no slice goes on,
     * -1 while no answer has told the thread's total (and every comment is wanted).
     */
    public long commentsLeft() {
        if (!mainList || span.slices().stream().noneMatch(Slice::isActive)) {
            return 0;
        }
        long activeCount = span.slices().stream()
                .filter(Slice::isActive)
                .mapToLong(slice -> slice.count)
                .sum();
        long wanted = wantsAll() ? Long.MAX_VALUE : Math.max(0, target - span.keptAbove - activeCount);
        long total = tally.totalCount();
        if (total < 0) {
            return wantsAll() ? -1 : wanted;
        }
        return Math.min(wanted, Math.max(0, total - span.knownCount()));
    }

    /** Comments asked per page (the first page's size; a page of one millisecond's comments asks more). */
    public int pageSize() {
        return pageSize;
    }

    /** Parts of the thread this run did not finish (stopped, or never reached): a rerun goes on with them. */
    public long slicesNotDone() {
        return span.notDone();
    }

    /** Whether an incremental walk left out the gaps at and below the watermark. */
    public boolean olderGapsSkipped() {
        return span.olderGapsSkipped();
    }

    /** Every comment of the thread is stored, as far as the API lets us know. */
    public boolean endReached() {
        return mainList && span.bottomReached && !span.olderGapsSkipped() && isFinished() && span.noneStopped();
    }

    /** The walk did what was asked: the thread's end, or its newest N pages' worth. */
    public boolean isComplete() {
        boolean noneStopped = span.noneStopped();
        boolean main = !mainList
                || endReached()
                || tally.isTargetReached() && noneStopped
                || span.olderGapsSkipped() && isFinished() && noneStopped;
        return main && (hot == null || hot.isComplete()) && (floors == null || floors.isComplete());
    }

    /** A write failed; the page will be tried again or given up. */
    void abandon(PageOutcome outcome) {
        pages.abandon(outcome);
    }

    /** The page failed for good: its slice stops where it is, for a later run to go on from. */
    void pageFailed(Slice slice) {
        pages.pageFailed(slice);
    }

    /** Comments a slice is estimated to hold still: see {@link SlicePages#remainingEstimate}. */
    double remainingEstimate(Slice slice) {
        return pages.remainingEstimate(slice);
    }

    /** Splits a slice in two halves of its estimated comments: see {@link SlicePages#split}. */
    Slice split(Slice slice, double estimate) {
        return pages.split(slice, estimate);
    }
}
