package io.commentharvester.harvest.walk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The part of a thread's time span that one {@link ThreadWalk} walks: the gaps that earlier runs left, or the
 * parts a distributed harvest claimed, as slices newest first, with what is known to be stored around them (the
 * counts the walk's progress and completeness are told from). A slice cut in two is followed by its older half.
 * Not thread-safe: used under the {@link WorkQueue}'s lock.
 */
final class ThreadSpan {

    private final int pageSize;
    private final String runTag;
    private final List<Slice> slices = new ArrayList<>();
    private int slicesMade;
    /** Newest-N walks: comments known to be stored above the slice being walked. */
    long keptAbove;
    /** Distinct comments in the ranges earlier runs covered. */
    private long coveredCount;
    /** The oldest comment is known to be stored, or the hash holds as many comments as the API counts. */
    boolean bottomReached;
    /** An incremental walk left out the gaps at and below its watermark: it cannot reach the thread's end. */
    private boolean olderGapsSkipped;
    /**
     * A part of a harvest shared with other processes ({@link ThreadWalk#unclaimed}): its own counts say nothing
     * about the thread as a whole, and a part it walks twice (a unit claimed from a harvester that was only slow)
     * counts twice.
     */
    boolean shared;

    /**
     * The gaps {@code covered} leaves as slices; with {@code watermark} at 0 or above, only the parts of them above
     * it (a comment time at and below which every comment is stored), -1 keeps every gap.
     *
     * @param runTag distinguishes this run's checkpoint entries from earlier runs'
     */
    ThreadSpan(List<Coverage> covered, int pageSize, String runTag, long watermark) {
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
     * Adds the gaps of {@code [to, from)} that {@code covered} leaves as slices of this walk: a part of the thread
     * a distributed harvest claimed ({@link Claims}). Answers how many slices were added.
     */
    int claim(long from, long to, List<Coverage> covered, String tag) {
        List<Coverage> ranges = new ArrayList<>(covered);
        if (from != Slice.TOP) {
            ranges.add(new Coverage(from, Slice.TOP, 0));
        }
        ThreadSpan part = new ThreadSpan(ranges, pageSize, runTag + "-" + tag, to > 0 ? to - 1 : -1);
        slices.addAll(part.slices);
        slices.sort(Comparator.comparingLong((Slice slice) -> slice.from).reversed());
        keptAbove = Math.max(keptAbove, part.keptAbove);
        coveredCount = Math.max(coveredCount, part.coveredCount);
        return part.slices.size();
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

    private Slice addSlice(long from, long to) {
        Slice slice = new Slice(runTag + "." + (++slicesMade), from, to, pageSize);
        slices.add(slice);
        return slice;
    }

    /** Cuts a slice in two at {@code mid} and returns the older half, placed right after it. */
    Slice splitAt(Slice slice, long mid) {
        Slice older = new Slice(runTag + "." + (++slicesMade), mid, slice.to, pageSize);
        older.coveredBelow = slice.coveredBelow;
        slice.coveredBelow = 0;
        slice.to = mid;
        slices.add(slices.indexOf(slice) + 1, older);
        return older;
    }

    /** Slices of this walk, newest first. */
    List<Slice> slices() {
        return slices;
    }

    /** Whether an incremental walk left out the gaps at and below the watermark. */
    boolean olderGapsSkipped() {
        return olderGapsSkipped;
    }

    /** The slice from the newest comment was walked down to its lower bound (or the walk's target). */
    boolean newestSliceDone() {
        return slices.stream().anyMatch(slice -> slice.from == Slice.TOP && slice.done && !slice.stopped);
    }

    /** No slice goes on, and none has a page in flight. */
    boolean isFinished() {
        return slices.stream().noneMatch(slice -> slice.isActive() || slice.inFlight);
    }

    /** No slice was stopped by a failed page or an answer that cannot be walked on. */
    boolean noneStopped() {
        return slices.stream().noneMatch(slice -> slice.stopped);
    }

    /** Parts of the thread this run did not finish (stopped, or never reached): a rerun goes on with them. */
    long notDone() {
        return slices.stream().filter(slice -> !slice.done).count();
    }

    /** Distinct comments known to be stored: those of earlier runs' ranges and those the slices counted. */
    long knownCount() {
        return coveredCount + walkedCount();
    }

    /** Distinct comments this run's slices counted (slices never overlap). */
    long walkedCount() {
        return slices.stream().mapToLong(slice -> slice.count).sum();
    }

    /** Nothing is older than the last page of {@code slice}: the bottom is reached, every slice below it is empty. */
    void threadEndBelow(Slice slice) {
        bottomReached = true;
        slices.stream().filter(other -> other.from <= slice.to).forEach(other -> other.done = true);
    }

    /** Every slice not stopped is done. */
    void finishAll() {
        slices.forEach(slice -> slice.done = slice.done || !slice.stopped);
    }
}
