package io.commentharvester.harvest.walk;

import java.util.List;

/**
 * The parts of threads a distributed harvest hands around (work units: a time range {@code [to, from)} of one
 * thread): claiming one adds its gaps to this process's walk of the thread, a unit is settled once no slice of
 * it is left to walk, and a long slice can be carved off for another process. Each runs under the queue's lock.
 */
public final class Claims {

    /** A range of a thread carved off this process's walk, to be walked by another. */
    public record Carved(ThreadWalk walk, long from, long to) {}

    private Claims() {}

    /**
     * Adds the gaps of {@code [to, from)} not in {@code covered} (what is stored, and parts given away) to the walk;
     * answers how many slices that made (0: nothing is left to walk there).
     */
    public static int claim(WorkQueue queue, ThreadWalk walk, long from, long to, List<Coverage> covered, String tag) {
        return queue.read(() -> walk.claim(from, to, covered, tag));
    }

    /** No slice of {@code [to, from)} is left to walk, in flight or being written: the unit is over. */
    public static boolean settled(WorkQueue queue, ThreadWalk walk, long from, long to) {
        return queue.read(() -> walk.slices().stream()
                .filter(slice -> slice.to < from && slice.from > to)
                .noneMatch(slice -> slice.isActive() || slice.inFlight || slice.committing));
    }

    /**
     * Carves the older half off the slice with the most comments left, if it holds at least {@code minComments},
     * and takes it out of this process's walk; null when no slice is worth it.
     */
    public static Carved carve(WorkQueue queue, long minComments) {
        return queue.read(() -> {
            PageChoice.Largest largest = queue.largestSlice(minComments);
            if (largest == null) {
                return null;
            }
            Slice older = largest.walk().carve(largest.slice(), largest.estimate());
            return older == null ? null : new Carved(largest.walk(), older.from, older.to);
        });
    }
}
