package io.commentharvester.polite;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door every request of a run goes through: a request rate found from the server's answers, and a
 * run-wide pause when the server says the address asks too much.
 * <ul>
 *   <li><b>Rate</b>: requests are spaced evenly at the current rate (no bursts). The rate starts at the cap,
 *   is halved on a rate-limit answer and raised by one request a second for every second's worth of good
 *   answers (additive increase, multiplicative decrease), never above the cap.</li>
 *   <li><b>Pause</b>: a rate-limit answer to a request sent after the last pause ended opens the breaker:
 *   no worker sends anything for the pause; a limit that comes back soon after doubles the next pause
 *   (up to a maximum). Answers to requests sent before a pause began do not count again.</li>
 * </ul>
 * Thread-safe; time comes from a nanosecond clock so tests can drive it.
 */
public class RequestGate {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);
    private static final double MIN_RATE = 0.2;

    private final double maxRate;
    private final long firstPauseNanos;
    private final long maxPauseNanos;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition opened = lock.newCondition();
    private double rate;
    private long nextSlot;
    private double goodCredit;
    private long pausedUntil;
    private long pauseStartedAt = Long.MIN_VALUE;
    private long lastPauseNanos;
    private long lastLimitAt = Long.MIN_VALUE;
    private int pauses;
    private int rateLimitAnswers;
    private volatile boolean closed;

    /**
     * @param maxRequestsPerSecond the cap and starting rate; 0 = no rate (the pause still applies)
     * @param firstPauseMs         the pause after a first rate-limit answer
     * @param maxPauseMs           the longest pause
     */
    public RequestGate(double maxRequestsPerSecond, long firstPauseMs, long maxPauseMs, LongSupplier nanoClock) {
        this.maxRate = maxRequestsPerSecond;
        this.rate = maxRequestsPerSecond;
        this.firstPauseNanos = TimeUnit.MILLISECONDS.toNanos(firstPauseMs);
        this.maxPauseNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(firstPauseMs, maxPauseMs));
        this.clock = nanoClock;
        this.nextSlot = nanoClock.getAsLong();
    }

    public RequestGate(double maxRequestsPerSecond, long firstPauseMs, long maxPauseMs) {
        this(maxRequestsPerSecond, firstPauseMs, maxPauseMs, System::nanoTime);
    }

    /**
     * Waits until this request may go: after any pause (one that begins while waiting is waited out too) and
     * one rate interval after the request before it. Answers the time the request goes, to hand back with its
     * answer; or -1 when the gate was closed (the run stops).
     */
    public long pass() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                long now = clock.getAsLong();
                if (now < pausedUntil) {
                    opened.awaitNanos(pausedUntil - now);
                    continue;
                }
                if (maxRate <= 0) {
                    return now;
                }
                if (now >= nextSlot) {
                    // keep the cadence when a waiter wakes late; after an idle spell, start afresh from now
                    long interval = (long) (1e9 / rate);
                    nextSlot = now - nextSlot < interval ? nextSlot + interval : now + interval;
                    return now;
                }
                opened.awaitNanos(nextSlot - now);
            }
            return -1;
        } finally {
            lock.unlock();
        }
    }

    /** A good answer: the rate creeps back up towards the cap. */
    public void answeredWell() {
        if (maxRate <= 0) {
            return;
        }
        lock.lock();
        try {
            if (rate >= maxRate) {
                return;
            }
            goodCredit += 1.0 / rate;
            if (goodCredit >= 1.0) {
                goodCredit = 0;
                changeRate(Math.min(maxRate, rate + 1), "good answers");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A rate-limit answer to a request sent at {@code sentAt} (from {@link #pass()}): halves the rate and pauses
     * every worker, unless the request went before the pause that this limit is part of.
     *
     * @return whether this answer started a pause
     */
    public boolean rateLimited(long sentAt, String why) {
        lock.lock();
        try {
            rateLimitAnswers++;
            long now = clock.getAsLong();
            if (sentAt < pauseStartedAt || now < pausedUntil) {
                // sent before the current pause, or the pause is already on: one pause for one burst
                return false;
            }
            boolean soonAgain =
                    lastLimitAt != Long.MIN_VALUE && now - lastLimitAt < 3 * Math.max(lastPauseNanos, firstPauseNanos);
            long pause = soonAgain
                    ? Math.min(maxPauseNanos, Math.max(firstPauseNanos, lastPauseNanos * 2))
                    : firstPauseNanos;
            lastPauseNanos = pause;
            lastLimitAt = now;
            pauseStartedAt = now;
            pausedUntil = now + pause;
            pauses++;
            if (maxRate > 0) {
                changeRate(Math.max(MIN_RATE, rate / 2), why);
            }
            LOG.info("Pausing every request for {} s: {}", String.format(Locale.ROOT, "%.1f", pause / 1e9), why);
            opened.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The run stops: every waiting worker goes, with -1. */
    public void close() {
        closed = true;
        lock.lock();
        try {
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void changeRate(double newRate, String why) {
        if (newRate != rate) {
            LOG.info(
                    "Request rate {} -> {} a second ({})",
                    String.format(Locale.ROOT, "%.1f", rate),
                    String.format(Locale.ROOT, "%.1f", newRate),
                    why);
            rate = newRate;
            goodCredit = 0;
        }
    }

    public double rate() {
        lock.lock();
        try {
            return rate;
        } finally {
            lock.unlock();
        }
    }

    public int pauses() {
        lock.lock();
        try {
            return pauses;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a pause is on now. */
    public boolean isPaused() {
        lock.lock();
        try {
            return clock.getAsLong() < pausedUntil;
        } finally {
            lock.unlock();
        }
    }
}
