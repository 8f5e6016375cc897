package io.commentharvester.harvest;

import java.util.List;

import io.commentharvester.harvest.walk.Coverage;

/**
 * A thread's watermark: a comment time at and below which every comment of the thread is stored, down to
 * wherever the walk began (kept in {@code <key>:meta} as {@code watermark}, epoch ms). An incremental run walks
 * only what is newer. It is derived from the walk's checkpoint ({@code <key>:walk}), which is written in the same
 * atomic call as each page's comments, so it can only move once everything between it and its new place is stored.
 */
public final class Watermark {

    /** No watermark yet. */
    public static final long NONE = -1;

    private Watermark() {}

    /**
     * The watermark after a run.
     *
     * @param old              the watermark before the run, or {@link #NONE}
     * @param covered          the thread's checkpoint after the run, merged ({@link Coverage#merge}), newest first
     * @param newestSliceDone  this run walked the slice that starts at the newest comment to its lower bound
     * @return the new watermark (never lower than {@code old}), or {@link #NONE}
     */
    public static long advance(long old, List<Coverage> covered, boolean newestSliceDone) {
        if (old >= 0) {
            // the range that holds the old watermark, or starts right above it, is stored without a gap
            for (Coverage range : covered) {
                if (range.low() <= old + 1 && range.high() >= old + 1) {
                    return Math.max(old, range.high() - 1);
                }
            }
            return old;
        }
        // a first watermark: only when this run walked down from the newest comment without a gap
        return newestSliceDone && !covered.isEmpty() ? covered.get(0).high() - 1 : NONE;
    }

    /** Parses the meta field; {@link #NONE} for anything but a time. */
    public static long parse(Object value) {
        if (value == null) {
            return NONE;
        }
        try {
            long parsed = Long.parseLong(value.toString().trim());
            return parsed >= 0 ? parsed : NONE;
        } catch (NumberFormatException e) {
            return NONE;
        }
    }
}
