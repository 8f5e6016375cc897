package io.commentharvester.harvest.walk;

import java.util.List;

import io.commentharvester.harvest.PageRequest;

/**
 * Which page of a {@link WorkQueue}'s walks goes next: an idle slice first, the walks taken in turn so that every
 * resource moves; then a page of a hot list or a floor; then the older half of the slice with the most comments
 * left, cut off for the free worker. Called under the queue's lock.
 */
final class PageChoice {

    private final WorkQueue queue;
    private final List<ThreadWalk> walks;
    private int nextWalk;

    PageChoice(WorkQueue queue, List<ThreadWalk> walks) {
        this.queue = queue;
        this.walks = walks;
    }

    /** The page to hand out next; null when no walk can go on now. */
    PageRequest take() {
        // idle slices first, walks taken in turn so that every resource moves
        for (int i = 0; i < walks.size(); i++) {
            ThreadWalk walk = walks.get((nextWalk + i) % walks.size());
            Slice slice = walk.idleSlice();
            if (slice != null) {
                nextWalk = (nextWalk + i + 1) % walks.size();
                return walk.nextPage(queue, slice);
            }
        }
        // then the hot lists and the floors
        for (int i = 0; i < walks.size(); i++) {
            ThreadWalk walk = walks.get((nextWalk + i) % walks.size());
            PageRequest page = ThreadLists.next(queue, walk);
            if (page != null) {
                nextWalk = (nextWalk + i + 1) % walks.size();
                return page;
            }
        }
        // then a new slice cut from the one with the most comments left
        Largest largest = largestSlice(0);
        if (largest == null) {
            return null;
        }
        Slice older = largest.walk().split(largest.slice(), largest.estimate());
        return older == null ? null : largest.walk().nextPage(queue, older);
    }

    /** A slice of one of the walks, with the comments it is estimated to hold still. */
    record Largest(ThreadWalk walk, Slice slice, double estimate) {}

    /**
     * The slice with the most comments estimated left, if that is more than {@code floor}; null otherwise. Called
     * under the lock.
     */
    Largest largestSlice(double floor) {
        Largest largest = null;
        for (ThreadWalk walk : walks) {
            for (Slice slice : walk.slices()) {
                double estimate = walk.remainingEstimate(slice);
                if (estimate > (largest == null ? floor : largest.estimate())) {
                    largest = new Largest(walk, slice, estimate);
                }
            }
        }
        return largest;
    }
}
