package io.commentharvester.harvest.walk;

import java.util.ArrayList;
import java.util.List;

/** What a thread's walk did in this run and what Redis says it holds. Guarded by the {@link WorkQueue}'s lock. */
public final class WalkTally {

    private static final int MAX_PROBLEMS = 5;

    private int pagesOk;
    private int pagesFailed;
    private long added;
    private long stored = -1;
    private long totalCount = -1;
    private boolean targetReached;
    private long watermark = -1;
    private final List<String> problems = new ArrayList<>();

    void pageStored(long addedFields, long hashSize, long answerTotal) {
        pagesOk++;
        added += addedFields;
        stored = hashSize;
        if (answerTotal >= 0) {
            // an answer without a total never overwrites a known one
            totalCount = answerTotal;
        }
    }

    void pageFailed() {
        pagesFailed++;
    }

    void targetReached() {
        targetReached = true;
    }

    void problem(String problem) {
        if (problems.size() < MAX_PROBLEMS && !problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** The stored count read from Redis at the end of the run. */
    public void stored(long hashSize) {
        stored = hashSize;
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
