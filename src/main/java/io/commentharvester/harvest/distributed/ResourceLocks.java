package io.commentharvester.harvest.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One harvester per resource on a Redis, unless the harvest is distributed: {@code <key>:lock} holds the owner's
 * {@code host:pid}, expires after {@link #TTL} unless its owner renews it, and is released at the end. A lock whose
 * owner is a dead process of this host (killed with -9) is taken over at once; a live owner, or one on another
 * host, stops this harvester with {@link ResourceLockedException}.
 */
public final class ResourceLocks extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceLocks.class);
    static final Duration TTL = Duration.ofSeconds(30);

    /** KEYS: lock. ARGV: expected owner, new owner, ttl ms. */
    private static final RedisScript<Long> REPLACE = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) "
                    + "return 1 end return 0",
            Long.class);

    /** KEYS: lock. ARGV: owner, ttl ms (0: release). */
    private static final RedisScript<Long> RENEW = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end "
                    + "if ARGV[2] == '0' then return redis.call('DEL', KEYS[1]) end "
                    + "return redis.call('PEXPIRE', KEYS[1], ARGV[2])",
            Long.class);

    private final StringRedisTemplate redis;
    private final String owner;
    private final List<String> held = new ArrayList<>();
    private ScheduledExecutorService renewal;

    private ResourceLocks(StringRedisTemplate redis, String owner) {
        this.redis = redis;
        this.owner = owner;
    }

    public static String lockKey(String commentsKey) {
        return commentsKey + ":lock";
    }

    /** Locks every thread's hash for this process, or none: throws when another harvester holds one. */
    public static ResourceLocks acquire(StringRedisTemplate redis, List<String> commentsKeys, List<String> names) {
        ResourceLocks locks = new ResourceLocks(redis, HarvesterName.current());
        try {
            for (int i = 0; i < commentsKeys.size(); i++) {
                locks.lock(commentsKeys.get(i), names.get(i));
            }
        } catch (RuntimeException e) {
            locks.releaseAll();
            throw e;
        }
        return locks;
    }

    private void lock(String commentsKey, String name) {
        String key = lockKey(commentsKey);
        String ttl = String.valueOf(TTL.toMillis());
        while (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, owner, TTL))) {
            String current = redis.opsForValue().get(key);
            if (current == null) {
                continue; // expired meanwhile
            }
            boolean ours = current.equals(owner);
            if (!ours && !HarvesterName.isDeadHere(current)) {
                throw new ResourceLockedException(name + " is being harvested by " + current + " on the same Redis ("
                        + key + "); wait for it to end, or set harvest.distributed=true on every harvester to share"
                        + " the work");
            }
            if (redis.execute(REPLACE, List.of(key), current, owner, ttl) == 1) {
                if (!ours) {
                    LOG.info("Took over {} from {}, a process of this host that is gone", key, current);
                }
                break;
            }
        }
        held.add(key);
    }

    @Override
    protected void doStart() {
        if (held.isEmpty()) {
            return;
        }
        renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "harvest-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long period = TTL.toMillis() / 3;
        renewal.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
    }

    private void renewAll() {
        for (String key : held) {
            try {
                redis.execute(RENEW, List.of(key), owner, String.valueOf(TTL.toMillis()));
            } catch (RuntimeException e) {
                LOG.warn("Renewing {} failed: {}", key, e.getMessage());
            }
        }
    }

    @Override
    protected void doStop() {
        if (renewal != null) {
            renewal.shutdownNow();
        }
        releaseAll();
    }

    private void releaseAll() {
        for (String key : held) {
            try {
                redis.execute(RENEW, List.of(key), owner, "0");
            } catch (RuntimeException e) {
                LOG.warn("Releasing {} failed (it expires by itself): {}", key, e.getMessage());
            }
        }
        held.clear();
    }

    /** Another live harvester holds the lock of a resource this one was asked to harvest. */
    public static final class ResourceLockedException extends RuntimeException {
        public ResourceLockedException(String message) {
            super(message);
        }
    }
}
