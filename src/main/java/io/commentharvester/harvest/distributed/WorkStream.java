package io.commentharvester.harvest.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import io.commentharvester.harvest.walk.Coverage;

/**
 * The work units of a distributed harvest in Redis: the stream {@code <prefix>work} read by the consumer group
 * {@value #GROUP}; {@code <prefix>work:open} (per thread, units added and not yet acknowledged), {@code
 * <prefix>work:carved} (per unit, the ranges carved off it for others, so that a unit claimed after its consumer
 * died does not walk them again), {@code <prefix>work:done} (units acknowledged, per consumer) and {@code
 * <prefix>work:hungry} (a consumer with free workers and nothing to claim). An acknowledged unit is deleted from
 * the stream: the stream's length is what is left of the harvest, waiting or being walked.
 */
public final class WorkStream {

    public static final String GROUP = "harvesters";

    private static final RedisScript<Long> CREATE_GROUP = new DefaultRedisScript<>(
            "redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM') return 1", Long.class);

    /** KEYS: stream, open, carved. ARGV: key, from, to, parent id or ''. */
    private static final RedisScript<String> ADD = new DefaultRedisScript<>(
            "local id = redis.call('XADD', KEYS[1], '*', 'key', ARGV[1], 'from', ARGV[2], 'to', ARGV[3]) "
                    + "redis.call('HINCRBY', KEYS[2], ARGV[1], 1) "
                    + "if ARGV[4] ~= '' then local old = redis.call('HGET', KEYS[3], ARGV[4]) "
                    + "redis.call('HSET', KEYS[3], ARGV[4], (old and (old .. ',') or '') .. ARGV[3] .. ' ' .. ARGV[2]) end "
                    + "return id",
            String.class);

    /** KEYS: stream, open, carved, done. ARGV: group, id, key, consumer. */
    private static final RedisScript<Long> ACK = new DefaultRedisScript<>(
            "if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end "
                    + "redis.call('XDEL', KEYS[1], ARGV[2]) "
                    + "if redis.call('HINCRBY', KEYS[2], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[2], ARGV[3]) end "
                    + "redis.call('HDEL', KEYS[3], ARGV[2]) "
                    + "redis.call('HINCRBY', KEYS[4], ARGV[4], 1) return 1",
            Long.class);

    /** KEYS: stream. ARGV: group, consumer, min idle ms. The first unit idle that long, claimed, or nil. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> AUTOCLAIM = new DefaultRedisScript<>(
            "local cursor = '0-0' repeat "
                    + "local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', 1) "
                    + "for _, e in ipairs(r[2]) do if e and e ~= false then return e end end "
                    + "cursor = r[1] until cursor == '0-0' return {}",
            List.class);

    /** KEYS: stream. ARGV: group, consumer, ids...: resets the idle time of the ids this consumer still holds. */
    private static final RedisScript<Long> HEARTBEAT = new DefaultRedisScript<>(
            "local n = 0 for i = 3, #ARGV do "
                    + "local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1) "
                    + "if p[1] and p[1][2] == ARGV[2] then "
                    + "redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID') n = n + 1 end end "
                    + "return n",
            Long.class);

    private static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

    private final StringRedisTemplate redis;
    private final String stream;

    public WorkStream(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.stream = keyPrefix + "work";
    }

    public String streamKey() {
        return stream;
    }

    String openKey() {
        return stream + ":open";
    }

    String carvedKey() {
        return stream + ":carved";
    }

    String doneKey() {
        return stream + ":done";
    }

    private String hungryKey() {
        return stream + ":hungry";
    }

    private String planKey(String commentsKey) {
        return stream + ":plan:" + commentsKey;
    }

    /** Makes the stream and its consumer group unless they exist. */
    public void ensureGroup() {
        redis.execute(CREATE_GROUP, List.of(stream), GROUP);
    }

    /** Adds a unit; {@code parent}: the id of the unit it was carved off, or null. Answers its id. */
    public String add(WorkUnit unit, String parent) {
        Map<String, String> fields = unit.fields();
        return redis.execute(
                ADD,
                List.of(stream, openKey(), carvedKey()),
                unit.commentsKey(),
                fields.get(WorkUnit.FROM),
                fields.get(WorkUnit.TO),
                parent == null ? "" : parent);
    }

    /** The next unit no consumer has had yet, without waiting; null when there is none. */
    public WorkUnit readNew(String consumer) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .read(
                        Consumer.from(GROUP, consumer),
                        StreamReadOptions.empty().count(1),
                        StreamOffset.create(stream, ReadOffset.lastConsumed()));
        if (records == null || records.isEmpty()) {
            return null;
        }
        MapRecord<String, Object, Object> record = records.get(0);
        return WorkUnit.parse(record.getId().getValue(), record.getValue());
    }

    /** A unit pending on any consumer for longer than {@code minIdle}, now this consumer's; null when none. */
    public WorkUnit claimIdle(String consumer, Duration minIdle) {
        List<?> entry = redis.execute(AUTOCLAIM, List.of(stream), GROUP, consumer, String.valueOf(minIdle.toMillis()));
        if (entry == null || entry.size() < 2 || !(entry.get(1) instanceof List<?> pairs)) {
            return null;
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            fields.put(String.valueOf(pairs.get(i)), String.valueOf(pairs.get(i + 1)));
        }
        return WorkUnit.parse(String.valueOf(entry.get(0)), fields);
    }

    /** Acknowledges a unit whose comments and checkpoints are stored; false when another consumer already did. */
    public boolean ack(WorkUnit unit, String consumer) {
        Long acked = redis.execute(
                ACK,
                List.of(stream, openKey(), carvedKey(), doneKey()),
                GROUP,
                unit.id(),
                unit.commentsKey(),
                consumer);
        return acked != null && acked == 1;
    }

    /** Keeps the units this consumer holds from looking idle to the others. */
    public void heartbeat(String consumer, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(GROUP, consumer));
        args.addAll(ids);
        redis.execute(HEARTBEAT, List.of(stream), args.toArray());
    }

    /** The ranges carved off a unit, as count-0 coverage (they are another unit's to walk). */
    public List<Coverage> carved(String unitId) {
        Object value = redis.opsForHash().get(carvedKey(), unitId);
        List<Coverage> ranges = new ArrayList<>();
        if (value != null) {
            for (String range : value.toString().split(",")) {
                Coverage coverage = Coverage.parse(range + " 0");
                if (coverage != null) {
                    ranges.add(coverage);
                }
            }
        }
        return ranges;
    }

    /** A new harvest starts: the units done per harvester are counted from 0. */
    void forgetDone() {
        redis.delete(doneKey());
    }

    /** What a thread's hash held when its units were planned. */
    void recordStart(String commentsKey, long hashSize) {
        redis.opsForHash().put(stream + ":start", commentsKey, String.valueOf(hashSize));
    }

    /** What a thread's hash held when its units were last planned; -1 when unknown. */
    long start(String commentsKey) {
        Object start = redis.opsForHash().get(stream + ":start", commentsKey);
        return start == null ? -1 : Long.parseLong(start.toString());
    }

    /** Units of a thread added and not yet acknowledged (by any consumer). */
    public long open(String commentsKey) {
        Object open = redis.opsForHash().get(openKey(), commentsKey);
        return open == null ? 0 : Long.parseLong(open.toString());
    }

    /** Units waiting or being walked, over the whole harvest. */
    public long left() {
        Long size = redis.opsForStream().size(stream);
        return size == null ? 0 : size;
    }

    /** This consumer has free workers and found nothing to claim. */
    public void hungry(String consumer) {
        redis.opsForValue().set(hungryKey(), consumer, Duration.ofSeconds(1));
    }

    /** Whether some consumer other than this one is hungry (the signal is taken: one carve answers it). */
    public boolean takeHungry(String consumer) {
        String hungry = redis.opsForValue().getAndDelete(hungryKey());
        return hungry != null && !hungry.equals(consumer);
    }

    /** The lock under which a thread's units are planned; false when another consumer holds it. */
    public boolean lockPlan(String commentsKey, String consumer) {
        return Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent(planKey(commentsKey), consumer, Duration.ofSeconds(30)));
    }

    public void unlockPlan(String commentsKey, String consumer) {
        redis.execute(UNLOCK, List.of(planKey(commentsKey)), consumer);
    }
}
