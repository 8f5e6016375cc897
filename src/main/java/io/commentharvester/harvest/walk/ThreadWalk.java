package io.commentharvester.harvest.walk;

import java.util.ArrayList;
import java.util.List;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.walk.PageOutcome.End;

/**
 * The walk of one comment thread in time order, newest first, over the parts of its time span that earlier
 * runs have not covered. With all pages wanted, the span is split into slices walked in parallel, and a long
 * slice is split again whenever a worker is free; with the newest N pages wanted, the walk is one chain of
 * cursors from the newest comment, so that exactly the newest N x page-size comments are stored.
 * Not thread-safe: the {@link WorkQueue} calls it under its lock.
 */
public final class ThreadWalk {

    private final Resource resource;
    private final String commentsKey;
    /** Comments wanted: {@link Long#MAX_VALUE} for every comment. */
    private final long target;

    private final int pageSize;
    private final List<Slice> slices = new ArrayList<>();
    private final String runTag;
    private int slicesMade;
    /** Newest-N walks: comments known to be stored above the slice being walked. */
    private long keptAbove;

    private final WalkPace pace = new WalkPace();
    /** Distinct comments in the ranges earlier runs covered. */
    private long coveredCount;
    /** The oldest comment is known to be stored, or the hash holds as many comments as the API counts. */
    private boolean bottomReached;

    private final WalkTally tally = new WalkTally();
    /** The hot list and the floors, when harvested (see {@link ThreadLists}); {@code harvest.order=hot}: no main list. */
    private HotList hot;

    private Floors floors;
    private boolean mainList = true;
    /**
     * A part of a harvest shared with other processes ({@link #unclaimed}): its own counts say nothing about the
     * thread as a whole, and a part it walks twice (a unit claimed from a harvester that was only slow) counts twice.
     */
    private boolean shared;
    /** An incremental walk left out the gaps at and below its watermark: it cannot reach the thread's end. */
    private boolean olderGapsSkipped;

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
        this.runTag = runTag;
        long upper = Slice.TOP;
        Slice above = null;
        for (Coverage range : Coverage.merge(covered)) {
            if (range.high() < upper) {
                above = addSlice(upper, range.high());
                above.coveredBelow = range.count();
            } else if (above != null) {
                above.coveredBelow += range.count();
            } else {
                keptAbove += range.count();
            }
            coveredCount += range.count();
            upper = range.low();
        }
        if (upper > 0) {
            addSlice(upper, 0);
        } else {
            bottomReached = true;
        }
        if (watermark >= 0) {
            keepAbove(watermark + 1);
        }
    }

    /**
     * A walk that owns no part of its thread yet: a distributed harvest adds the parts it claims ({@link Claims}).
     */
    public static ThreadWalk unclaimed(
            Resource resource, String commentsKey, long target, int pageSize, String runTag) {
        ThreadWalk walk =
                new ThreadWalk(resource, commentsKey, List.of(new Coverage(0, Slice.TOP, 0)), target, pageSize, runTag);
        walk.bottomReached = false;
        walk.shared = true;
        return walk;
    }

    /** Another process of a distributed harvest walked the thread to its end (every part of it is stored). */
    public void endFoundElsewhere() {
        bottomReached = true;
    }

    /**
     * Adds the gaps of {@code [to, from)} that {@code covered} leaves as slices of this walk: a part of the thread
     * a distributed harvest claimed ({@link Claims}). Answers how many slices were added.
     */
    int claim(long from, long to, List<Coverage> covered, String tag) {
        List<Coverage> ranges = new ArrayList<>(covered);
        if (from != Slice.TOP) {
            ranges.add(new Coverage(from, Slice.TOP, 0));
        }
        ThreadWalk part = new ThreadWalk(
                resource, commentsKey, ranges, target, pageSize, runTag + "-" + tag, to > 0 ? to - 1 : -1);
        slices.addAll(part.slices);
        slices.sort(
                java.util.Comparator.comparingLong((Slice slice) -> slice.from).reversed());
        keptAbove = Math.max(keptAbove, part.keptAbove);
        coveredCount = Math.max(coveredCount, part.coveredCount);
        return part.slices.size();
    }

    /** Splits a slice as {@link #split} does and gives its older half away: this walk no longer walks it. */
    Slice carve(Slice slice, double estimate) {
        Slice older = split(slice, estimate);
        if (older != null) {
            slices.remove(older);
        }
        return older;
    }

    /** Drops the parts of the gaps below {@code floor}: they are not this walk's to fill. */
    private void keepAbove(long floor) {
        for (Slice slice : List.copyOf(slices)) {
            if (slice.from <= floor) {
                slices.remove(slice);
                olderGapsSkipped = true;
            } else if (slice.to < floor) {
                slice.to = floor;
                olderGapsSkipped = true;
            }
        }
    }

    /** The slice from the newest comment was walked down to its lower bound (or the walk's target). */
    public boolean newestSliceDone() {
        return slices.stream().anyMatch(slice -> slice.from == Slice.TOP && slice.done && !slice.stopped);
    }

    private Slice addSlice(long from, long to) {
        Slice slice = new Slice(runTag + "." + (++slicesMade), from, to, pageSize);
        slices.add(slice);
        return slice;
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
        return slices;
    }

    boolean isFinished() {
        return slices.stream().noneMatch(slice -> slice.isActive() || slice.inFlight)
                && (hot == null || hot.isFinished())
                && (floors == null || floors.isFinished());
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
        slices.clear();
    }

    public HotList hot() {
        return hot;
    }

    public Floors floors() {
        return floors;
    }

    /** A slice ready for its next page: any idle one when walking everything, otherwise the newest unfinished. */
    Slice idleSlice() {
        for (Slice slice : slices) {
            if (slice.stopped && !wantsAll()) {
                // the newest N: a chain that broke here cannot go on below it
                return null;
            }
            if (!slice.isActive()) {
                continue;
            }
            if (!slice.inFlight) {
                return slice;
            }
            if (!wantsAll()) {
                return null;
            }
        }
        return null;
    }

    PageRequest nextPage(WorkQueue queue, Slice slice) {
        slice.inFlight = true;
        slice.pageNo++;
        return new PageRequest(queue, this, slice, slice.cursor(), slice.pageSize, slice.pageNo);
    }

    PageOutcome decide(PageRequest unit, CommentPage page) {
        Slice slice = unit.slice();
        long remaining = wantsAll() ? Long.MAX_VALUE : target - keptAbove - slice.count;
        slice.committing = true;
        return PageDecision.decide(unit, page, slice, Math.max(1, remaining));
    }

    /** The page's comments are written: the walk moves on. {@code added}: new hash fields; {@code stored}: the hash's size. */
    void apply(PageOutcome outcome, long added, long stored) {
        Slice slice = outcome.unit.slice();
        slice.committing = false;
        tally.pageStored(added, stored, outcome.totalCount());
        if (!slice.isActive()) {
            return;
        }
        long walkedTop =
                slice.next == Slice.TOP ? outcome.coverage == null ? slice.next : outcome.coverage.high() : slice.next;
        slice.count += outcome.keptNew;
        if (outcome.coverage != null) {
            slice.coveredHigh = outcome.coverage.high();
            long walkedLow = outcome.end == End.THREAD_END ? outcome.oldestTime() : outcome.coverage.low();
            if (walkedTop != Slice.TOP && walkedLow >= 0) {
                // at the thread's end only the span down to its oldest comment counts: the time before the thread
                // began holds no comments, and counting it would make every part of the thread look nearly empty
                pace.walked(walkedTop - walkedLow, outcome.keptNew);
            }
        }
        slice.next = outcome.next;
        slice.pageSize = outcome.nextPageSize;
        slice.lastGroupIds = outcome.lastGroupIds;
        if (outcome.problem != null) {
            tally.problem(outcome.problem);
        }
        switch (outcome.end) {
            case NONE -> {}
            case STOPPED -> slice.stopped = true;
            case TARGET -> {
                slice.done = true;
                tally.targetReached();
                finishAll();
            }
            case LOWER_BOUND, THREAD_END -> {
                slice.done = true;
                if (outcome.end == End.THREAD_END) {
                    // nothing is older than this page: every slice below it is empty
                    bottomReached = true;
                    slices.stream().filter(other -> other.from <= slice.to).forEach(other -> other.done = true);
                }
                if (!wantsAll()) {
                    keptAbove += slice.count + slice.coveredBelow;
                    if (keptAbove >= target) {
                        tally.targetReached();
                        finishAll();
                    }
                }
            }
        }
        if (!shared && tally.totalCount() > 0 && walkedCount() >= tally.totalCount()) {
            // this run's walk alone has as many distinct comments as the API counts: nothing is left to find
            // (earlier runs' counts are not trusted for this: comments get deleted, totals drift)
            bottomReached = true;
            finishAll();
        }
    }

    /**
     * An estimate of the main list's comments this run has still to walk, for the progress: 0 once no slice goes on,
     * -1 while no answer has told the thread's total (and every comment is wanted).
     */
    public long commentsLeft() {
        if (!mainList || slices.stream().noneMatch(Slice::isActive)) {
            return 0;
        }
        long activeCount = slices.stream()
                .filter(Slice::isActive)
                .mapToLong(slice -> slice.count)
                .sum();
        long wanted = wantsAll() ? Long.MAX_VALUE : Math.max(0, target - keptAbove - activeCount);
        long total = tally.totalCount();
        if (total < 0) {
            return wantsAll() ? -1 : wanted;
        }
        return Math.min(wanted, Math.max(0, total - knownCount()));
    }

    /** Comments asked per page (the first page's size; a page of one millisecond's comments asks more). */
    public int pageSize() {
        return pageSize;
    }

    /** Parts of the thread this run did not finish (stopped, or never reached): a rerun goes on with them. */
    public long slicesNotDone() {
        return slices.stream().filter(slice -> !slice.done).count();
    }

    /** Distinct comments known to be stored: those of earlier runs' ranges and those the slices counted. */
    private long knownCount() {
        return coveredCount + walkedCount();
    }

    /** Distinct comments this run's slices counted (slices never overlap). */
    private long walkedCount() {
        return slices.stream().mapToLong(slice -> slice.count).sum();
    }

    /** Whether an incremental walk left out the gaps at and below the watermark. */
    public boolean olderGapsSkipped() {
        return olderGapsSkipped;
    }

    /** Every comment of the thread is stored, as far as the API lets us know. */
    public boolean endReached() {
        return mainList
                && bottomReached
                && !olderGapsSkipped
                && isFinished()
                && slices.stream().noneMatch(slice -> slice.stopped);
    }

    /** The walk did what was asked: the thread's end, or its newest N pages' worth. */
    public boolean isComplete() {
        boolean noneStopped = slices.stream().noneMatch(slice -> slice.stopped);
        boolean main = !mainList
                || endReached()
                || tally.isTargetReached() && noneStopped
                || olderGapsSkipped && isFinished() && noneStopped;
        return main && (hot == null || hot.isComplete()) && (floors == null || floors.isComplete());
    }

    /** A write failed; the page will be tried again or given up. */
    void abandon(PageOutcome outcome) {
        outcome.unit.slice().committing = false;
    }

    /** The page failed for good: its slice stops where it is, for a later run to go on from. */
    void pageFailed(Slice slice) {
        slice.committing = false;
        if (slice.isActive()) {
            slice.stopped = true;
        }
    }

    private void finishAll() {
        slices.forEach(slice -> slice.done = slice.done || !slice.stopped);
    }

    /** Comments a slice is estimated to hold still: how much a worker gains by taking half of it. */
    double remainingEstimate(Slice slice) {
        if (!wantsAll()) {
            return 0;
        }
        if (tally.totalCount() < 0) {
            return pace.remainingEstimate(slice, slices, -1);
        }
        // a shared walk cannot tell its own counts from the parts it claimed stored (both hold what it walked):
        // what the hash holds now says what is left of the thread for every harvester together
        long known = shared ? Math.max(0, tally.stored()) : knownCount();
        return pace.remainingEstimate(slice, slices, Math.max(0, tally.totalCount() - known));
    }

    /** Splits a slice in two halves of its estimated comments and returns the older half, or null. */
    Slice split(Slice slice, double estimate) {
        long mid = pace.splitPoint(slice, estimate, pageSize);
        if (mid < 0) {
            return null;
        }
        Slice older = new Slice(runTag + "." + (++slicesMade), mid, slice.to, pageSize);
        older.coveredBelow = slice.coveredBelow;
        slice.coveredBelow = 0;
        slice.to = mid;
        slices.add(slices.indexOf(slice) + 1, older);
        return older;
    }
}
