package io.commentharvester.harvest.distributed;

import java.util.LinkedHashMap;
import java.util.Map;

import io.commentharvester.harvest.walk.Slice;

/**
 * One entry of the work stream: the comments of one thread with {@code to <= time < from} (from {@link Slice#TOP}:
 * up to the newest). A small thread is one unit; a deep one starts as one and is carved into more while it is
 * walked, so that every process has work.
 *
 * @param id          the stream entry id ("" before it is added)
 * @param commentsKey the thread's comments hash
 * @param from        upper time bound, exclusive ({@link Slice#TOP} for the newest comment)
 * @param to          lower time bound, inclusive
 */
public record WorkUnit(String id, String commentsKey, long from, long to) {

    static final String KEY = "key";
    static final String FROM = "from";
    static final String TO = "to";

    /** The fields of its stream entry; {@code top} for the newest comment. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(KEY, commentsKey);
        fields.put(FROM, from == Slice.TOP ? "top" : String.valueOf(from));
        fields.put(TO, String.valueOf(to));
        return fields;
    }

    /** Reads an entry's fields; null when they are not a unit's. */
    static WorkUnit parse(String id, Map<?, ?> fields) {
        Object key = fields.get(KEY);
        Object from = fields.get(FROM);
        Object to = fields.get(TO);
        if (key == null || from == null || to == null) {
            return null;
        }
        try {
            long upper = "top".equals(from.toString()) ? Slice.TOP : Long.parseLong(from.toString());
            long lower = Long.parseLong(to.toString());
            return lower >= 0 && upper > lower ? new WorkUnit(id, key.toString(), upper, lower) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code [lower, upper)} lies within this unit. */
    boolean holds(long upper, long lower) {
        return lower >= to && upper <= from;
    }

    @Override
    public String toString() {
        return commentsKey + " [" + to + ", " + (from == Slice.TOP ? "newest" : String.valueOf(from)) + ")";
    }
}
