package io.commentharvester.harvest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;

import io.commentharvester.harvest.walk.Coverage;
import io.commentharvester.harvest.walk.PageOutcome;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WalkTally;

/**
 * What the harvest keeps in Redis, per resource hash {@code <key>}: the comments themselves, {@code <key>:walk}
 * (the time ranges already walked, and the order fields they were walked with), {@code <key>:meta} (counts and
 * completeness) and {@code <key>:failed} (what failed in the last run, and why).
 *
 * <p>The page writes and the walk hash's checkpoints, each write one Lua script, are {@link CheckpointStore}'s;
 * the ledger names the keys and keeps the counts, the meta hash, the watermark and the failures.
 */
public class HarvestLedger {

    /** The meta hash's field that holds the thread's {@link Watermark}. */
    public static final String WATERMARK_FIELD = "watermark";

    /**
     * One atomic write of a thread's hash and its bookkeeping.
     *
     * @param walkField  checkpoint field of {@code <key>:walk} ("" for none), with its value
     * @param total      the thread's total ("" for none)
     * @param floorField a floor's parent id in {@code <key>:floors} ("" for none), with its state
     * @param parents    floors found: parent ids
     * @param hot        comments to add to {@code <key>:hot}
     * @param replies    whether {@code comments} are replies (counted in the meta hash)
     */
    public record Write(
            String commentsKey,
            String walkField,
            String walkValue,
            String total,
            String floorField,
            String floorValue,
            List<String> parents,
            List<PageComment> hot,
            boolean replies,
            List<PageComment> comments) {}

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Clock clock;
    private final CheckpointStore checkpoints;

    public HarvestLedger(StringRedisTemplate redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.checkpoints = new CheckpointStore(redis);
    }

    public String commentsKey(Resource resource) {
        return resource.commentsKey(keyPrefix);
    }

    public static String walkKey(String commentsKey) {
        return commentsKey + ":walk";
    }

    public static String metaKey(String commentsKey) {
        return commentsKey + ":meta";
    }

    public static String floorsKey(String commentsKey) {
        return commentsKey + ":floors";
    }

    public static String hotKey(String commentsKey) {
        return commentsKey + ":hot";
    }

    public static String failedKey(String commentsKey) {
        return commentsKey + ":failed";
    }

    /**
     * The time ranges earlier runs stored, compacted in place; none when they were walked with other order
     * fields (what those fields do on the server is inferred, so such ranges prove nothing).
     */
    public List<Coverage> coverage(String commentsKey, String orderTag) {
        return checkpoints.coverage(commentsKey, orderTag);
    }

    /** Forgets what earlier runs walked and what failed (the comments stay: storage is idempotent). */
    public void forgetProgress(String commentsKey) {
        redis.delete(List.of(walkKey(commentsKey), failedKey(commentsKey), floorsKey(commentsKey)));
        redis.opsForHash().delete(metaKey(commentsKey), WATERMARK_FIELD);
    }

    /** The thread's watermark ({@link Watermark}), or {@link Watermark#NONE}. */
    public long watermark(String commentsKey) {
        return Watermark.parse(redis.opsForHash().get(metaKey(commentsKey), WATERMARK_FIELD));
    }

    /** The watermark after a run, from the checkpoint as Redis holds it now (read only). */
    public long advanceWatermark(String commentsKey, String orderTag, long old, boolean newestSliceDone) {
        return Watermark.advance(old, coveredNow(commentsKey, orderTag), newestSliceDone);
    }

    /** The time ranges stored, as Redis holds them now, merged; read only (other processes may be writing). */
    public List<Coverage> coveredNow(String commentsKey, String orderTag) {
        return checkpoints.coveredNow(commentsKey, orderTag);
    }

    /** Failures of an earlier run are about to be retried: {@code :failed} holds only what fails now. */
    public void clearFailures(String commentsKey) {
        redis.delete(failedKey(commentsKey));
    }

    /** The total an earlier run recorded, or -1. */
    public long knownTotal(String commentsKey) {
        Object total = redis.opsForHash().get(metaKey(commentsKey), "totalCount");
        try {
            return total == null ? -1 : Long.parseLong(total.toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Writes a page as its outcome says; answers {new fields, fields in the hash}. */
    public long[] storePage(PageOutcome outcome) {
        return storePage(outcome, List.of(), List.of());
    }

    /** Writes a page as its outcome says, with the floors found on it and a first page's hot comments. */
    public long[] storePage(PageOutcome outcome, List<String> parents, List<PageComment> hot) {
        List<PageComment> comments = new ArrayList<>(outcome.toStore());
        comments.addAll(hot);
        return write(new Write(
                outcome.unit().walk().commentsKey(),
                outcome.coverage() == null ? "" : outcome.unit().slice().id(),
                outcome.coverage() == null ? "" : outcome.coverage().format(),
                outcome.totalCount() >= 0 ? String.valueOf(outcome.totalCount()) : "",
                "",
                "",
                parents,
                hot,
                false,
                comments));
    }

    /** One atomic write; answers {new fields, fields in the hash}. */
    public long[] write(Write write) {
        return checkpoints.write(write);
    }

    /** The floors earlier runs found: parentId -> next time, -1 or done. */
    public Map<String, String> floorStates(String commentsKey) {
        Map<String, String> states = new LinkedHashMap<>();
        redis.opsForHash().entries(floorsKey(commentsKey)).forEach((k, v) -> states.put(k.toString(), v.toString()));
        return states;
    }

    /** Replies the hash holds (as counted in the meta hash when they were written). */
    public long storedReplies(String commentsKey) {
        Object replies = redis.opsForHash().get(metaKey(commentsKey), "replies");
        try {
            return replies == null ? 0 : Long.parseLong(replies.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Comments in the hot list's sorted set. */
    public long storedHot(String commentsKey) {
        Long size = redis.opsForZSet().zCard(hotKey(commentsKey));
        return size == null ? 0 : size;
    }

    /** Records a page given up on: in {@code <key>:failed}, field = where the walk stopped, value = the error. */
    public String recordFailure(PageRequest page, String error) {
        try {
            redis.opsForHash().put(failedKey(page.walk().commentsKey()), page.position(), error);
            return error;
        } catch (RuntimeException e) {
            // Redis itself may be what failed; the run's summary still reports the page
            return error + "; and recording the failure in Redis failed: " + HarvestFailures.describe(e);
        }
    }

    /**
     * The meta hash of a walked thread after the run: its API total (only when known: an answer without one
     * never overwrites it), what the hash holds, what this run added, completeness, and whether the end was
     * reached. Read {@link #storedCount} into the tally first.
     */
    public Map<String, String> meta(ThreadWalk walk, boolean runComplete) {
        WalkTally tally = walk.tally();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("threadId", walk.resource().threadId());
        meta.put("stored", String.valueOf(Math.max(0, tally.stored())));
        if (tally.totalCount() >= 0) {
            meta.put("totalCount", String.valueOf(tally.totalCount()));
        }
        meta.put("addedLastRun", String.valueOf(tally.added()));
        if (tally.odd() > 0) {
            meta.put("oddLastRun", String.valueOf(tally.odd()));
        }
        if (!Double.isNaN(tally.completeness())) {
            meta.put("completeness", String.format(Locale.ROOT, "%.4f", tally.completeness()));
        }
        meta.put("endReached", String.valueOf(walk.endReached()));
        meta.put("lastRunComplete", String.valueOf(runComplete && walk.isComplete()));
        meta.put("lastHarvestAt", Instant.now(clock).toString());
        return meta;
    }

    /** Fields in the thread's hash: comments and replies. */
    public long hashSize(String commentsKey) {
        Long size = redis.opsForHash().size(commentsKey);
        return size == null ? 0 : size;
    }

    /** Comments of the thread's lists in the hash now, replies not counted (what the summary reports as stored). */
    public long storedCount(String commentsKey) {
        Long size = redis.opsForHash().size(commentsKey);
        return Math.max(0, (size == null ? 0 : size) - storedReplies(commentsKey));
    }
}
