package io.commentharvester.harvest.walk;

import java.util.List;

/**
 * How fast a thread's comments come by time (comments per millisecond of the spans walked so far), and from it
 * how many comments a slice is estimated to hold still: what decides which slice a free worker cuts in two, and
 * where. Not thread-safe: used under the {@link WorkQueue}'s lock.
 */
final class WalkPace {

    /** Splitting a slice with fewer comments left than this many pages costs more than it gains. */
    private static final int MIN_PAGES_TO_SPLIT = 3;

    private long walkedComments;
    private long walkedSpanMs;

    /** A page covered {@code spanMs} of the thread's time and held {@code comments} new ones. */
    void walked(long spanMs, long comments) {
        walkedSpanMs += Math.max(0, spanMs);
        walkedComments += comments;
    }

    /** Comments per ms seen so far; NaN before any page below the newest. */
    double density() {
        return walkedSpanMs > 0 && walkedComments > 0 ? (double) walkedComments / walkedSpanMs : Double.NaN;
    }

    /**
     * Comments a slice is estimated to hold still: how much a worker gains by taking half of it.
     *
     * @param leftInThread comments the API's total leaves to find, or -1 when unknown
     */
    double remainingEstimate(Slice slice, List<Slice> slices, long leftInThread) {
        double density = density();
        if (!slice.isActive() || slice.committing || slice.next == Slice.TOP || Double.isNaN(density)) {
            return 0;
        }
        if (slice.to > 0) {
            double estimate = (slice.next - slice.to) * density;
            return leftInThread >= 0 ? Math.min(estimate, leftInThread) : estimate;
        }
        // the oldest slice has no lower bound: what the total leaves after the other slices
        if (leftInThread < 0) {
            return 0;
        }
        double others = slices.stream()
                .filter(other -> other != slice && other.isActive() && other.next != Slice.TOP)
                .mapToDouble(other -> (other.next - other.to) * density)
                .sum();
        return Math.max(0, leftInThread - others);
    }

    /** Where to cut a slice in two halves of its estimated comments; -1 when it is not worth it. */
    long splitPoint(Slice slice, double estimate, int pageSize) {
        if (estimate < MIN_PAGES_TO_SPLIT * pageSize) {
            return -1;
        }
        long mid = Math.max(slice.next - (long) Math.ceil(estimate / 2 / density()), slice.to + 1);
        return mid >= slice.next || mid <= 0 ? -1 : mid;
    }
}
