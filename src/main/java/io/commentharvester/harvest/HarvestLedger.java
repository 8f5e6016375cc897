package io.commentharvester.harvest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.commentharvester.harvest.walk.Coverage;
import io.commentharvester.harvest.walk.PageOutcome;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WalkTally;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What the harvest keeps in Redis, per resource hash {@code <key>}: the comments themselves, {@code <key>:walk}
 * (the time ranges already walked, and the order fields they were walked with), {@code <key>:meta} (counts and
 * completeness) and {@code <key>:failed} (what failed in the last run, and why).
 */
public class HarvestLedger {

    /** The walk hash's field that names the order fields its ranges were walked with. */
    static final String ORDER_FIELD = "order";
    /** The meta hash's field that holds the thread's {@link Watermark}. */
    public static final String WATERMARK_FIELD = "watermark";

    /**
     * Writes a page's comments, the slice's checkpoint and the thread's total in one atomic round trip, and
     * answers how many fields were new and how many the hash holds now.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> STORE_PAGE = new DefaultRedisScript<>(
            "local added = 0 "
            + "if #ARGV > 3 then added = redis.call('HSET', KEYS[1], unpack(ARGV, 4)) end "
            + "if ARGV[1] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end "
            + "if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], 'totalCount', ARGV[3]) end "
            + "return {added, redis.call('HLEN', KEYS[1])}", List.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Clock clock;

    public HarvestLedger(StringRedisTemplate redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
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

    public static String failedKey(String commentsKey) {
        return commentsKey + ":failed";
    }

    /**
     * The time ranges earlier runs stored, compacted in place; none when they were walked with other order
     * fields (what those fields do on the server is inferred, so such ranges prove nothing).
     */
    public List<Coverage> coverage(String commentsKey, String orderTag) {
        String walkKey = walkKey(commentsKey);
        Map<Object, Object> entries = redis.opsForHash().entries(walkKey);
        List<Coverage> ranges = new ArrayList<>();
        if (orderTag.equals(entries.get(ORDER_FIELD))) {
            entries.forEach((field, value) -> {
                if (!ORDER_FIELD.equals(field)) {
                    ranges.add(Coverage.parse(String.valueOf(value)));
                }
            });
        }
        List<Coverage> merged = Coverage.merge(ranges);
        Map<String, String> compacted = new LinkedHashMap<>();
        compacted.put(ORDER_FIELD, orderTag);
        for (int i = 0; i < merged.size(); i++) {
            compacted.put("c." + (i + 1), merged.get(i).format());
        }
        redis.delete(walkKey);
        redis.opsForHash().putAll(walkKey, compacted);
        return merged;
    }

    /** Forgets what earlier runs walked and what failed (the comments stay: storage is idempotent). */
    public void forgetProgress(String commentsKey) {
        redis.delete(List.of(walkKey(commentsKey), failedKey(commentsKey)));
        redis.opsForHash().delete(metaKey(commentsKey), WATERMARK_FIELD);
    }

    /** The thread's watermark ({@link Watermark}), or {@link Watermark#NONE}. */
    public long watermark(String commentsKey) {
        return Watermark.parse(redis.opsForHash().get(metaKey(commentsKey), WATERMARK_FIELD));
    }

    /** The watermark after a run, from the checkpoint as Redis holds it now (read only). */
    public long advanceWatermark(String commentsKey, String orderTag, long old, boolean newestSliceDone) {
        Map<Object, Object> entries = redis.opsForHash().entries(walkKey(commentsKey));
        List<Coverage> ranges = new ArrayList<>();
        if (orderTag.equals(entries.get(ORDER_FIELD))) {
            entries.forEach((field, value) -> {
                if (!ORDER_FIELD.equals(field)) {
                    ranges.add(Coverage.parse(String.valueOf(value)));
                }
            });
        }
        return Watermark.advance(old, Coverage.merge(ranges), newestSliceDone);
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
        String commentsKey = outcome.unit().walk().commentsKey();
        List<String> args = new ArrayList<>(3 + 2 * outcome.toStore().size());
        args.add(outcome.coverage() == null ? "" : outcome.unit().slice().id());
        args.add(outcome.coverage() == null ? "" : outcome.coverage().format());
        args.add(outcome.totalCount() >= 0 ? String.valueOf(outcome.totalCount()) : "");
        for (PageComment comment : outcome.toStore()) {
            args.add(comment.field());
            args.add(comment.value());
        }
        List<?> result = redis.execute(STORE_PAGE, List.of(commentsKey, walkKey(commentsKey), metaKey(commentsKey)),
                args.toArray());
        return new long[] {((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue()};
    }

    /** Records a page given up on: in {@code <key>:failed}, field = where the walk stopped, value = the error. */
    public String recordFailure(PageRequest page, String error) {
        try {
            redis.opsForHash().put(failedKey(page.walk().commentsKey()),
                    page.cursor() < 0 ? "newest page" : "cursor " + page.cursor(), error);
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
        if (!Double.isNaN(tally.completeness())) {
            meta.put("completeness", String.format(Locale.ROOT, "%.4f", tally.completeness()));
        }
        meta.put("endReached", String.valueOf(walk.endReached()));
        meta.put("lastRunComplete", String.valueOf(runComplete && walk.isComplete()));
        meta.put("lastHarvestAt", Instant.now(clock).toString());
        return meta;
    }

    /** The hash's size now (what the summary reports as stored). */
    public long storedCount(String commentsKey) {
        Long size = redis.opsForHash().size(commentsKey);
        return size == null ? 0 : size;
    }
}
