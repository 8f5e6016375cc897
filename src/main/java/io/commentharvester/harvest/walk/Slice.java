package io.commentharvester.harvest.walk;

import java.util.Set;

/**
 * A part of a thread's time span, walked from its upper bound down by chaining cursors: it holds the comments
 * with {@code to <= time < from}. Mutable; guarded by the {@link WorkQueue}'s lock.
 */
public final class Slice {

    /** {@link #from} of the slice that starts at the newest comment (cursor -1). */
    public static final long TOP = Long.MAX_VALUE;

    final String id;
    final long from;
    long to;
    /** The next cursor: every comment at or after it (and before {@link #from}) is stored. */
    long next;
    /** Upper end of what the slice has stored: {@link #from}, or the newest comment's time + 1 for the top. */
    long coveredHigh = -1;
    /** Distinct comments stored by this slice with {@code time >= to}. */
    long count;
    /** Comments known below {@link #to} up to the next gap, from earlier runs (used to count the newest N). */
    long coveredBelow;

    int pageSize;
    int pageNo;
    /** Ids of the comments of the last page that share its last millisecond: the next page starts with them. */
    Set<String> lastGroupIds = Set.of();

    boolean inFlight;
    /** A page of this slice is being written: the slice is not split meanwhile. */
    boolean committing;

    boolean done;
    /** Stopped by a failed page or an answer that cannot be walked on; the rest is for a later run. */
    boolean stopped;

    Slice(String id, long from, long to, int pageSize) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.next = from;
        this.pageSize = pageSize;
    }

    boolean isActive() {
        return !done && !stopped;
    }

    public String id() {
        return id;
    }

    /** The cursor of the next request: -1 for the newest page, otherwise a time in ms. */
    long cursor() {
        return next == TOP ? -1 : next;
    }

    @Override
    public String toString() {
        return "slice " + id + " [" + to + ", " + (from == TOP ? "newest" : String.valueOf(from)) + ")";
    }
}
