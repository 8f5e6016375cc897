package io.commentharvester.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One generated thread of the {@link CommentCorpus} in its three orders. In time order the times never increase;
 * comments that share a millisecond follow each other, by commentId descending (commentIds grow with time, and a
 * later id within one millisecond counts as newer). Immutable.
 */
final class ThreadComments {

    final List<ObjectNode> byTime;
    final List<ObjectNode> byHot;
    final List<ObjectNode> byRecommended;
    /** times[i] is the time of byTime.get(i): non-increasing. */
    private final long[] times;

    final int oddCount;
    private final java.util.Map<String, ObjectNode> byId = new java.util.HashMap<>();

    ThreadComments(List<ObjectNode> byTime, long[] times) {
        this(byTime, times, 0);
    }

    ThreadComments(List<ObjectNode> byTime, long[] times, int oddCount) {
        this.oddCount = oddCount;
        byTime.forEach(node -> byId.put(node.path("commentId").asText(), node));
        if (byTime.size() != times.length) {
            throw new IllegalArgumentException("one time per comment");
        }
        this.byTime = byTime;
        this.times = times.clone();
        Comparator<ObjectNode> idOrder =
                Comparator.comparingLong(node -> node.get("commentId").longValue());
        List<ObjectNode> hot = new ArrayList<>(byTime);
        hot.sort(Comparator.<ObjectNode>comparingLong(
                        node -> node.get("likedCount").longValue())
                .thenComparing(idOrder)
                .reversed());
        this.byHot = Collections.unmodifiableList(hot);
        List<ObjectNode> recommended = new ArrayList<>(byTime);
        recommended.sort(Comparator.comparingDouble(ThreadComments::recommendedScore)
                .thenComparing(idOrder)
                .reversed());
        this.byRecommended = Collections.unmodifiableList(recommended);
    }

    List<ObjectNode> ordered(CommentOrder order) {
        switch (order) {
            case HOT:
                return byHot;
            case TIME:
                return byTime;
            default:
                return byRecommended;
        }
    }

    /** The comment with this id (as text), or null. */
    ObjectNode byId(String commentId) {
        return byId.get(commentId);
    }

    int size() {
        return times.length;
    }

    /**
     * Index (in time order) of the first comment strictly older than {@code timeMs}; {@link #size()} when none.
     * Comments at exactly {@code timeMs} come before that index, however many share it.
     */
    int firstOlderThan(long timeMs) {
        // times never increase: binary search for the first element < timeMs
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < timeMs) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static double recommendedScore(ObjectNode node) {
        long liked = node.get("likedCount").longValue();
        long noise = CommentCorpus.mix(node.get("commentId").longValue() ^ 0x5bd1e9955bd1e995L) & 0xffff;
        return Math.log1p(liked) + noise / 65536.0 * 4.0;
    }
}
