package io.commentharvester.harvest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import io.commentharvester.harvest.walk.Coverage;

/**
 * The checkpoints of a {@link HarvestLedger} in Redis: a page is written together with its slice's (or floor's)
 * checkpoint and the thread's bookkeeping in one atomic round trip, and the checkpoints in {@code <key>:walk} are
 * read back as the time ranges walked, compacted in place or read only. Each write is one Lua script, so that a
 * kill in between never leaves comments without their checkpoint or loses the checkpoints.
 */
final class CheckpointStore {

    /** The walk hash's field that names the order fields its ranges were walked with. */
    static final String ORDER_FIELD = "order";

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

    private final StringRedisTemplate redis;

    CheckpointStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * The time ranges earlier runs stored, compacted in place; none when they were walked with other order
     * fields (what those fields do on the server is inferred, so such ranges prove nothing).
     */
    List<Coverage> coverage(String commentsKey, String orderTag) {
        String walkKey = HarvestLedger.walkKey(commentsKey);
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

    /** The time ranges stored, as Redis holds them now, merged; read only (other processes may be writing). */
    List<Coverage> coveredNow(String commentsKey, String orderTag) {
        Map<Object, Object> entries = redis.opsForHash().entries(HarvestLedger.walkKey(commentsKey));
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

    /** One atomic write; answers {new fields, fields in the hash}. */
    long[] write(HarvestLedger.Write write) {
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
                STORE_PAGE,
                List.of(
                        key,
                        HarvestLedger.walkKey(key),
                        HarvestLedger.metaKey(key),
                        HarvestLedger.floorsKey(key),
                        HarvestLedger.hotKey(key)),
                args.toArray());
        return new long[] {((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue()};
    }
}
