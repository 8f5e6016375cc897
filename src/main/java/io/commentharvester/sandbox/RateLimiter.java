package io.commentharvester.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The site's rate limit, as a model: a sliding window of one second over the arrival of every request, refused
 * ones included, from all clients together (the site limits an address, not a page).
 * <ul>
 *   <li>A request that arrives while more than {@code limit} requests (it included) arrived within the last second
 *       passes the limit: it is refused, and a penalty starts that lasts {@code penaltyMs} from its arrival.</li>
 *   <li>A request that arrives during the penalty is refused. It counts in the window like any other, so a request
 *       that again finds more than {@code limit} arrivals in its last second (a burst that goes on, or anything
 *       within a second of the burst) restarts the penalty from its arrival; slower ones do not extend it. A client
 *       that backs off as a whole for the penalty recovers.</li>
 *   <li>Otherwise the request passes.</li>
 * </ul>
 * A limit of 0 turns it off. Thread-safe.
 */
final class RateLimiter {

    /** What happens to an arriving request. */
    enum Decision {
        /** Answered normally. */
        PASS,
        /** Refused: it passed the limit and (re)started the penalty. */
        LIMIT_PASSED,
        /** Refused: it arrived during the penalty. */
        PENALTY
    }

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int limit;
    private final long penaltyNanos;
    private final LongSupplier nanoClock;
    /** Arrival times of the latest {@code limit + 1} requests, oldest first: enough to tell the limit passed. */
    private final Deque<Long> arrivals = new ArrayDeque<>();

    private boolean penalized;
    private long penaltyEnd;

    /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}) */
    RateLimiter(int limit, long penaltyMs, LongSupplier nanoClock) {
        this.limit = limit;
        this.penaltyNanos = TimeUnit.MILLISECONDS.toNanos(penaltyMs);
        this.nanoClock = nanoClock;
    }

    synchronized Decision arrive() {
        if (limit <= 0) {
            return Decision.PASS;
        }
        long now = nanoClock.getAsLong();
        arrivals.addLast(now);
        if (arrivals.size() > limit + 1) {
            arrivals.removeFirst();
        }
        if (arrivals.size() > limit && now - arrivals.peekFirst() < WINDOW_NANOS) {
            penalized = true;
            penaltyEnd = now + penaltyNanos;
            return Decision.LIMIT_PASSED;
        }
        if (penalized && now - penaltyEnd < 0) {
            return Decision.PENALTY;
        }
        penalized = false;
        return Decision.PASS;
    }
}
