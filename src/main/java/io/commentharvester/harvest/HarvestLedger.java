package io.commentharvester.harvest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import io.commentharvester.harvest.walk.Coverage;
import io.commentharvester.harvest.walk.PageOutcome;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WalkTally;

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
     * answers how many fields were new and how many the hash holds now. With the extra lists, the same call
     * records the floors found on the page ({@code HSETNX <key>:floors parent -1}), adds hot comments to
     * {@code <key>:hot} (score likedCount), sets a floor's checkpoint, and counts a floor's new replies in the
     * meta hash's {@code replies}.
     * KEYS: comments, walk, meta, floors, hot. ARGV: walk field, walk value, total, floor field, floor value,
     * parents n, hot n, replies flag, then n parents, n (score, member) pairs, then field/value pairs.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> STORE_PAGE = new DefaultRedisScript<>(
            "local np = tonumber(ARGV[6]) local nh = tonumber(ARGV[7]) local i = 9 local added = 0 "
                    + "for j = 1, np do redis.call('HSETNX', KEYS[4], ARGV[i], '-1') i = i + 1 end "
                    + "for j = 1, nh do redis.call('ZADD', KEYS[5], ARGV[i], ARGV[i + 1]) i = i + 2 end "
                    + "if #ARGV >= i then added = redis.call('HSET', KEYS[1], unpack(ARGV, i)) end "
                    + "if ARGV[1] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end "
                    + "if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], 'totalCount', ARGV[3]) end "
                    + "if ARGV[4] ~= '' then redis.call('HSET', KEYS[4], ARGV[4], ARGV[5]) end "
                    + "if ARGV[8] == '1' and added > 0 then redis.call('HINCRBY', KEYS[3], 'replies', added) end "
                    + "return {added, redis.call('HLEN', KEYS[1])}",
            List.class);

    /** Replaces the walk hash by its compacted form in one step: a kill in between never loses the checkpoints. */
    private static final RedisScript<Long> REPLACE_HASH = new DefaultRedisScript<>(
            "redis.call('DEL', KEYS[1]) " + "return redis.call('HSET', KEYS[1], unpack(ARGV))", Long.class);

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
        List<String> args = new ArrayList<>();
        compacted.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        redis.execute(REPLACE_HASH, List.of(walkKey), args.toArray());
        return merged;
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
        Map<Object, Object> entries = redis.opsForHash().entries(walkKey(commentsKey));
        List<Coverage> ranges = new ArrayList<>();
        if (orderTag.equals(entries.get(ORDER_FIELD))) {
            entries.forEach((field, value) -> {
                if (!ORDER_FIELD.equals(field)) {
                    ranges.add(Coverage.parse(String.valueOf(value)));
                }
            });
        }
        return Coverage.merge(ranges);
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
        String key = write.commentsKey();
        List<String> args = new ArrayList<>(8
                + write.parents().size()
                + 2 * write.hot().size()
                + 2 * write.comments().size());
        args.addAll(List.of(
                write.walkField(),
                write.walkValue(),
                write.total(),
                write.floorField(),
                write.floorValue(),
                String.valueOf(write.parents().size()),
                String.valueOf(write.hot().size()),
                write.replies() ? "1" : "0"));
        args.addAll(write.parents());
        for (PageComment comment : write.hot()) {
            args.add(String.valueOf(comment.likedCount()));
            args.add(comment.field());
        }
        for (PageComment comment : write.comments()) {
            args.add(comment.field());
            args.add(comment.value());
        }
        List<?> result = redis.execute(
                STORE_PAGE, List.of(key, walkKey(key), metaKey(key), floorsKey(key), hotKey(key)), args.toArray());
        return new long[] {((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue()};
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

    /** Comments of the thread's lists in the hash now, replies not counted (what the summary reports as stored). */
    /** Fields in the thread's hash: comments and replies. */
    public long hashSize(String commentsKey) {
        Long size = redis.opsForHash().size(commentsKey);
        return size == null ? 0 : size;
    }

    public long storedCount(String commentsKey) {
        Long size = redis.opsForHash().size(commentsKey);
        return Math.max(0, (size == null ? 0 : size) - storedReplies(commentsKey));
    }
}
