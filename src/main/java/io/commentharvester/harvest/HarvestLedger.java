package io.commentharvester.harvest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Exchange;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What the harvest keeps in Redis beside the comments, per resource {@code <prefix><id>}:
 * {@code :pages} (set of stored page numbers), {@code :failed} (hash page -> last error) and
 * {@code :meta} (hash totalCount, pagesStored, lastHarvestAt).
 */
public class HarvestLedger {

    /** Marks a page stored, clears its failure and refreshes the meta hash, atomically in one round trip. */
    private static final RedisScript<Long> PAGE_STORED = new DefaultRedisScript<>(
            "redis.call('SADD', KEYS[1], ARGV[1]) "
            + "redis.call('HDEL', KEYS[2], ARGV[1]) "
            + "local stored = redis.call('SCARD', KEYS[1]) "
            + "redis.call('HSET', KEYS[3], 'totalCount', ARGV[2], 'pagesStored', stored, 'lastHarvestAt', ARGV[3]) "
            + "return stored", Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final HarvestRun run;
    private final Clock clock;

    public HarvestLedger(StringRedisTemplate redis, String keyPrefix, HarvestRun run, Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.run = run;
        this.clock = clock;
    }

    public String commentsKey(long resourceId) {
        return keyPrefix + resourceId;
    }

    public String pagesKey(long resourceId) {
        return commentsKey(resourceId) + ":pages";
    }

    public String failedKey(long resourceId) {
        return commentsKey(resourceId) + ":failed";
    }

    public String metaKey(long resourceId) {
        return commentsKey(resourceId) + ":meta";
    }

    /** Page numbers already stored for a resource. */
    public Set<Integer> storedPages(long resourceId) {
        Set<Integer> pages = new TreeSet<>();
        Set<String> members = redis.opsForSet().members(pagesKey(resourceId));
        if (members != null) {
            members.forEach(member -> pages.add(Integer.parseInt(member)));
        }
        return pages;
    }

    /** Forgets which pages were stored and which failed (the comments stay: storage is idempotent). */
    public void forgetProgress(long resourceId) {
        redis.delete(List.of(pagesKey(resourceId), failedKey(resourceId)));
    }

    /** Route step after the comments of a page are written. */
    public void pageStored(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        CommentPage comments = exchange.getProperty(HarvestExchange.COMMENT_PAGE, CommentPage.class);
        redis.execute(PAGE_STORED,
                List.of(pagesKey(page.resourceId()), failedKey(page.resourceId()), metaKey(page.resourceId())),
                String.valueOf(page.pageNo()), String.valueOf(comments.totalCount()),
                Instant.now(clock).toString());
        run.pageStored(comments.commentCount());
    }

    /** Route step of the error handler: the page is given up on for this run. */
    public void pageFailed(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = describe(cause);
        if (page == null) {
            run.abort(error);
            return;
        }
        if (run.isCancelled() && PageRetryPolicy.isTransient(cause)) {
            // given up because the run stops, not because the page is bad: it stays "not done" and the
            // next run fetches it (a page that can never succeed is still recorded below)
            return;
        }
        try {
            redis.opsForHash().put(failedKey(page.resourceId()), String.valueOf(page.pageNo()), error);
        } catch (RuntimeException e) {
            // Redis itself may be what failed; the run's summary still reports the page
            error = error + "; and recording the failure in Redis failed: " + describe(e);
        }
        run.pageFailed(page, error);
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
