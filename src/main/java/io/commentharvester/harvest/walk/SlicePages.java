package io.commentharvester.harvest.walk;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.walk.PageOutcome.End;

/**
 * Hands out and settles the pages of a walk's slices (its main list): which slice's page goes next, how a slice
 * moves on with what its page brought, and where a long slice is cut in two for a free worker, by the pace at which
 * the thread's comments come. Not thread-safe: the {@link WorkQueue} calls it, through its {@link ThreadWalk},
 * under its lock.
 */
final class SlicePages {

    private final ThreadWalk walk;
    private final ThreadSpan span;
    private final WalkTally tally;
    /** Comments wanted: {@link Long#MAX_VALUE} for every comment. */
    private final long target;

    private final WalkPace pace = new WalkPace();

    SlicePages(ThreadWalk walk, ThreadSpan span, WalkTally tally, long target) {
        this.walk = walk;
        this.span = span;
        this.tally = tally;
        this.target = target;
    }

    /** A slice ready for its next page: any idle one when walking everything, otherwise the newest unfinished. */
    Slice idleSlice() {
        for (Slice slice : span.slices()) {
            if (slice.stopped && !walk.wantsAll()) {
                // the newest N: a chain that broke here cannot go on below it
                return null;
            }
            if (!slice.isActive()) {
                continue;
            }
            if (!slice.inFlight) {
                return slice;
            }
            if (!walk.wantsAll()) {
                return null;
            }
        }
        return null;
    }

    PageRequest nextPage(WorkQueue queue, Slice slice) {
        slice.inFlight = true;
        slice.pageNo++;
        return new PageRequest(queue, walk, slice, slice.cursor(), slice.pageSize, slice.pageNo);
    }

    PageOutcome decide(PageRequest unit, CommentPage page) {
        Slice slice = unit.slice();
        long remaining = walk.wantsAll() ? Long.MAX_VALUE : target - span.keptAbove - slice.count;
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
                span.finishAll();
            }
            case LOWER_BOUND, THREAD_END -> {
                slice.done = true;
                if (outcome.end == End.THREAD_END) {
                    // nothing is older than this page: every slice below it is empty
                    span.threadEndBelow(slice);
                }
                if (!walk.wantsAll()) {
                    span.keptAbove += slice.count + slice.coveredBelow;
                    if (span.keptAbove >= target) {
                        tally.targetReached();
                        span.finishAll();
                    }
                }
            }
        }
        if (!span.shared && tally.totalCount() > 0 && span.walkedCount() >= tally.totalCount()) {
            // this run's walk alone has as many distinct comments as the API counts: nothing is left to find
            // (earlier runs' counts are not trusted for this: comments get deleted, totals drift)
            span.bottomReached = true;
            span.finishAll();
        }
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

    /** Comments a slice is estimated to hold still: how much a worker gains by taking half of it. */
    double remainingEstimate(Slice slice) {
        if (!walk.wantsAll()) {
            return 0;
        }
        if (tally.totalCount() < 0) {
            return pace.remainingEstimate(slice, span.slices(), -1);
        }
        // a shared walk cannot tell its own counts from the parts it claimed stored (both hold what it walked):
        // what the hash holds now says what is left of the thread for every harvester together
        long known = span.shared ? Math.max(0, tally.stored()) : span.knownCount();
        return pace.remainingEstimate(slice, span.slices(), Math.max(0, tally.totalCount() - known));
    }

    /** Splits a slice in two halves of its estimated comments and returns the older half, or null. */
    Slice split(Slice slice, double estimate) {
        long mid = pace.splitPoint(slice, estimate, walk.pageSize());
        if (mid < 0) {
            return null;
        }
        return span.splitAt(slice, mid);
    }

    /** Splits a slice as {@link #split} does and gives its older half away: this walk no longer walks it. */
    Slice carve(Slice slice, double estimate) {
        Slice older = split(slice, estimate);
        if (older != null) {
            span.slices().remove(older);
        }
        return older;
    }
}
