package io.commentharvester.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What the sandbox has seen. Thread-safe. {@link #requestCount()} and {@link #inFlight()} change when a request
 * arrives; a request is listed in {@link #requests()} and counted by outcome just before its answer is written.
 * The {@code /__sandbox/stats} endpoint itself is not counted. Only the latest {@value #MAX_RECORDED} requests are
 * kept in {@link #requests()} so that a long-running sandbox does not grow without bound; the counts cover all.
 * <p>
 * {@link #averageInFlight()} is the time-weighted average of the in-flight count between the start of the first
 * request and the end of the last one (up to now while requests are in flight): the integral of in-flight over
 * that window divided by its length. Gaps with nothing in flight inside the window count as 0.
 */
public final class SandboxStats {

    /** How many recorded requests are kept. */
    public static final int MAX_RECORDED = 20_000;

    private final LongSupplier nanoClock;
    private int requestCount;
    private int inFlight;
    private int maxInFlight;
    private int rateLimitPenalties;
    private int withCookies;
    private int withSiteCookies;
    private final Map<String, Integer> countsByOutcome = new TreeMap<>();
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    /** The in-flight window: start of its first request (-1: none yet), end of its last, the integral so far. */
    private long windowStart = -1;

    private long windowEnd;
    private long lastChange;
    private double inFlightNanos;

    public SandboxStats() {
        this(System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds, for the in-flight average */
    SandboxStats(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public synchronized int requestCount() {
        return requestCount;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    /**
     * The time-weighted average number of requests in flight between the start of the first request and the end
     * of the last (see the class comment); 0 before any request.
     */
    public synchronized double averageInFlight() {
        long now = nanoClock.getAsLong();
        long window = windowNanos(now);
        if (window <= 0) {
            return inFlight;
        }
        double integral = inFlightNanos + (inFlight > 0 ? (double) inFlight * (now - lastChange) : 0);
        return integral / window;
    }

    /** The length of the in-flight window in milliseconds: first request start to last request end (or now). */
    public synchronized double inFlightWindowMillis() {
        return windowNanos(nanoClock.getAsLong()) / 1e6;
    }

    /** How many times the rate limit was passed (each starting or restarting the penalty). */
    public synchronized int rateLimitPenalties() {
        return rateLimitPenalties;
    }

    /** How many recorded requests carried a Cookie header. */
    public synchronized int requestsWithCookies() {
        return withCookies;
    }

    /** How many recorded requests carried the site's anonymous cookies ({@code _ntes_nuid} or {@code NMTID}). */
    public synchronized int requestsWithSiteCookies() {
        return withSiteCookies;
    }

    /** Outcome name to count, sorted by name. */
    public synchronized Map<String, Integer> countsByOutcome() {
        return Map.copyOf(countsByOutcome);
    }

    /** How many requests ended with {@code outcome} (0 when none). */
    public synchronized int count(String outcome) {
        return countsByOutcome.getOrDefault(outcome, 0);
    }

    /** A snapshot, oldest first, in the order the answers were decided. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The latest {@code n} recorded requests, oldest first. */
    public synchronized List<RecordedRequest> recentRequests(int n) {
        List<RecordedRequest> all = List.copyOf(requests);
        return all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size());
    }

    /**
     * Forgets all requests and counts; requests still in flight stay counted in {@link #inFlight()}, and the
     * in-flight window starts afresh now (or at the next request when none is in flight).
     */
    public synchronized void reset() {
        requestCount = 0;
        maxInFlight = inFlight;
        rateLimitPenalties = 0;
        withCookies = 0;
        withSiteCookies = 0;
        countsByOutcome.clear();
        requests.clear();
        long now = nanoClock.getAsLong();
        windowStart = inFlight > 0 ? now : -1;
        windowEnd = now;
        lastChange = now;
        inFlightNanos = 0;
    }

    /**
     * The stats as JSON, with the latest {@code recent} requests: {@code requestCount}, {@code inFlight},
     * {@code maxInFlight}, {@code averageInFlight}, {@code inFlightWindowMillis}, {@code rateLimitPenalties},
     * {@code requestsWithCookies}, {@code requestsWithSiteCookies}, {@code countsByOutcome} and
     * {@code recentRequests} (see {@link StatsJson}).
     */
    public String toJson(int recent) {
        return StatsJson.render(this, recent);
    }

    /** {@link #toJson(int)} with the latest {@value StatsJson#DEFAULT_RECENT} requests. */
    public String toJson() {
        return toJson(StatsJson.DEFAULT_RECENT);
    }

    synchronized void entered() {
        long now = nanoClock.getAsLong();
        if (windowStart < 0) {
            windowStart = now;
            lastChange = now;
        }
        advance(now);
        requestCount++;
        inFlight++;
        if (inFlight > maxInFlight) {
            maxInFlight = inFlight;
        }
    }

    synchronized void left() {
        long now = nanoClock.getAsLong();
        advance(now);
        inFlight--;
        windowEnd = now;
    }

    synchronized void penaltyStarted() {
        rateLimitPenalties++;
    }

    synchronized void record(RecordedRequest request) {
        if (requests.size() == MAX_RECORDED) {
            requests.removeFirst();
        }
        requests.addLast(request);
        countsByOutcome.merge(request.outcome(), 1, Integer::sum);
        if (request.cookies().present()) {
            withCookies++;
        }
        if (request.cookies().siteCookies()) {
            withSiteCookies++;
        }
    }

    private void advance(long now) {
        if (windowStart >= 0) {
            inFlightNanos += (double) inFlight * (now - lastChange);
        }
        lastChange = now;
    }

    private long windowNanos(long now) {
        if (windowStart < 0) {
            return 0;
        }
        return (inFlight > 0 ? now : windowEnd) - windowStart;
    }
}
