package io.commentharvester.harvest.walk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A range of comment times, {@code [low, high)} in epoch ms, whose comments are all stored, with how many
 * distinct comments lie in it. This is what a walk checkpoints: ranges of time, so a later run with another
 * page size still knows exactly what it has.
 */
public record Coverage(long low, long high, long count) {

    public Coverage {
        if (low < 0 || high < low || count < 0) {
            throw new IllegalArgumentException("bad coverage [" + low + ", " + high + ") count " + count);
        }
    }

    public boolean isEmpty() {
        return high <= low;
    }

    /** The checkpoint form: {@code low high count}. */
    public String format() {
        return low + " " + high + " " + count;
    }

    /** Reads {@link #format()}; null for anything else (a checkpoint written by another version is ignored). */
    public static Coverage parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split(" ");
        if (parts.length != 3) {
            return null;
        }
        try {
            long low = Long.parseLong(parts[0]);
            long high = Long.parseLong(parts[1]);
            long count = Long.parseLong(parts[2]);
            return low >= 0 && high >= low && count >= 0 ? new Coverage(low, high, count) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The union of ranges, newest first, with touching ranges joined (their counts added: ranges written by
     * walks never overlap). Overlapping ranges, which walks do not write, are joined keeping the larger count.
     */
    public static List<Coverage> merge(List<Coverage> ranges) {
        List<Coverage> sorted = new ArrayList<>();
        for (Coverage range : ranges) {
            if (range != null && !range.isEmpty()) {
                sorted.add(range);
            }
        }
        sorted.sort(Comparator.comparingLong(Coverage::high).reversed());
        List<Coverage> merged = new ArrayList<>();
        for (Coverage range : sorted) {
            Coverage last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range.high() >= last.low()) {
                long count = range.high() == last.low()
                        ? last.count() + range.count()
                        : Math.max(last.count(), range.count());
                merged.set(merged.size() - 1, new Coverage(Math.min(last.low(), range.low()), last.high(), count));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
