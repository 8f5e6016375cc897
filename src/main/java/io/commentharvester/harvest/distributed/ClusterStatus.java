package io.commentharvester.harvest.distributed;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.commentharvester.harvest.HarvestLedger;
import io.commentharvester.harvest.Resource;

/**
 * {@code --status}: the progress of a distributed harvest as Redis holds it, without harvesting: units done,
 * waiting and being walked, per harvester, and per thread what is stored and how complete it is.
 */
public final class ClusterStatus {

    private final StringRedisTemplate redis;
    private final WorkStream stream;
    private final String keyPrefix;

    public ClusterStatus(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.stream = new WorkStream(redis, keyPrefix);
    }

    public void print(Iterable<Resource> resources, PrintStream out) {
        Map<String, Long> done = new TreeMap<>();
        redis.opsForHash()
                .entries(stream.doneKey())
                .forEach((consumer, n) -> done.put(consumer.toString(), Long.parseLong(n.toString())));
        Map<String, Long> walking = new TreeMap<>();
        long left = stream.left();
        if (Boolean.TRUE.equals(redis.hasKey(stream.streamKey()))) {
            PendingMessagesSummary pending = redis.opsForStream().pending(stream.streamKey(), WorkStream.GROUP);
            if (pending != null) {
                walking.putAll(pending.getPendingMessagesPerConsumer());
            }
        }
        long claimed = walking.values().stream().mapToLong(Long::longValue).sum();
        out.println(String.format(
                Locale.ROOT,
                "%s: %d unit(s) done, %d waiting, %d being walked%s",
                stream.streamKey(),
                done.values().stream().mapToLong(Long::longValue).sum(),
                Math.max(0, left - claimed),
                claimed,
                left == 0 ? " (nothing left: no harvest running)" : ""));
        Map<String, String> harvesters = new TreeMap<>();
        done.forEach((name, n) -> harvesters.put(name, n + " done"));
        walking.forEach((name, n) -> harvesters.merge(name, n + " being walked", (a, b) -> a + ", " + b));
        harvesters.forEach((name, line) -> out.println("  harvester " + name + ": " + line));
        for (Resource resource : resources) {
            String key = resource.commentsKey(keyPrefix);
            Map<Object, Object> meta = redis.opsForHash().entries(HarvestLedger.metaKey(key));
            Long stored = redis.opsForHash().size(key);
            Object total = meta.get("totalCount");
            String completeness = "";
            if (total != null && stored != null && Long.parseLong(total.toString()) > 0) {
                completeness = String.format(
                        Locale.ROOT, ", %.1f%% complete", 100.0 * stored / Long.parseLong(total.toString()));
            }
            out.println(String.format(
                    Locale.ROOT,
                    "  %s (%s): %d stored, totalCount %s%s, %d unit(s) open%s",
                    resource,
                    resource.threadId(),
                    stored == null ? 0 : stored,
                    total == null ? "unknown" : total,
                    completeness,
                    stream.open(key),
                    "true".equals(meta.get("endReached")) ? ", end reached" : ""));
        }
    }
}
