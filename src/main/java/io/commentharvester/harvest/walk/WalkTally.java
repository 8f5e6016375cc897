package io.commentharvester.harvest.walk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.commentharvester.harvest.PageComment;

/** What a thread's walk did in this run and what Redis says it holds. Guarded by the {@link WorkQueue}'s lock. */
public final class WalkTally {

    private static final int MAX_PROBLEMS = 5;

    private int pagesOk;
    private int pagesFailed;
    private long added;
    private long stored = -1;
    private long storedAtStart = -1;
    private long totalCount = -1;
    private boolean targetReached;
    private long watermark = -1;
    private final List<String> problems = new ArrayList<>();
    /** Hash fields of the odd comments written in this run, to count each once. */
    private final Set<String> oddFields = new HashSet<>();

    private int unreadable;
    private long replies = -1;
    private long hot = -1;
    /** The hash's size (HLEN: comments and replies), as last read; -1 before anything was read. */
    private long inAll = -1;
    /** When the walk was planned, and when its last page was over (stored or failed), for its seconds. */
    private final long plannedAt = System.nanoTime();

    private long lastPageAt;

    void pageStored(long addedFields, long hashSize, long answerTotal) {
        pagesOk++;
        added += addedFields;
        stored = hashSize;
        pageOver(hashSize);
        if (answerTotal >= 0) {
            // an answer without a total never overwrites a known one
            totalCount = answerTotal;
        }
    }

    /** A page of the hot list or of a floor is written. */
    void listPageStored(long addedFields, long hashSize, String problem) {
        pagesOk++;
        added += addedFields;
        stored = hashSize;
        pageOver(hashSize);
        if (problem != null) {
            problem(problem);
        }
    }

    void odd(List<PageComment> comments, int unreadableEntries) {
        comments.stream().filter(PageComment::odd).forEach(comment -> oddFields.add(comment.field()));
        unreadable += unreadableEntries;
    }

    /** Odd comments written in this run, and list entries that were not comments at all. */
    public long odd() {
        return oddFields.size() + unreadable;
    }

    /** Replies and hot comments in Redis, read at the end of the run; -1 when not harvested. */
    public void lists(long storedReplies, long storedHot) {
        replies = storedReplies;
        hot = storedHot;
    }

    public long replies() {
        return replies;
    }

    public long hot() {
        return hot;
    }

    /** A page recorded as failed (the summary's "failed"; pages left undone by a stopping run are not). */
    void pageFailed() {
        pagesFailed++;
        pageOver(inAll);
    }

    private void pageOver(long hashSize) {
        inAll = hashSize;
        lastPageAt = System.nanoTime();
    }

    /** HLEN of the thread's hash (its comments and replies) as last read; -1 before anything was read. */
    public long inAll() {
        return inAll;
    }

    /** From the walk's plan to its last page (0 when it had none). */
    public double seconds() {
        return lastPageAt == 0 ? 0 : (lastPageAt - plannedAt) / 1e9;
    }

    void targetReached() {
        targetReached = true;
    }

    void problem(String problem) {
        if (problems.size() < MAX_PROBLEMS && !problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** The hash's size (replies included) and the replies in it, read from Redis before the run. */
    public void storedAtStart(long hashSize, long replies) {
        storedAtStart = hashSize;
        inAll = hashSize;
        stored = Math.max(0, hashSize - replies);
    }

    /**
     * The hash's size read from Redis after the run (replies included; stored counts the comments without them):
     * what the run added is the growth (exact with one
     * harvester per thread, and true even when a write's reply was lost and the write was tried again, which the
     * per-page counts cannot tell).
     */
    public void settle(long hashSize, long replies) {
        stored = Math.max(0, hashSize - replies);
        inAll = hashSize;
        if (storedAtStart >= 0) {
            added = Math.max(0, hashSize - storedAtStart);
        }
    }

    /** The total known from an earlier run, when this run's answers have none. */
    public void knownTotal(long total) {
        if (totalCount < 0) {
            totalCount = total;
        }
    }

    public int pagesOk() {
        return pagesOk;
    }

    public int pagesFailed() {
        return pagesFailed;
    }

    /** Comments this run added to the hash, as Redis counted them. */
    public long added() {
        return added;
    }

    /** Comments in the hash; -1 before anything was read. */
    public long stored() {
        return stored;
    }

    /** The API's totalCount; -1 when no answer has told it. */
    public long totalCount() {
        return totalCount;
    }

    /** stored / totalCount, or NaN while the total is unknown. */
    public double completeness() {
        return totalCount > 0 ? Math.max(0, (double) stored) / totalCount : totalCount == 0 ? 1.0 : Double.NaN;
    }

    /** The thread's watermark (before the run, then after it); -1 when it has none. */
    public void watermark(long time) {
        watermark = time;
    }

    public long watermark() {
        return watermark;
    }

    public boolean isTargetReached() {
        return targetReached;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
