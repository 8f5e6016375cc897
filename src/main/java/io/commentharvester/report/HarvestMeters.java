package io.commentharvester.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

import io.commentharvester.harvest.HarvestRun;

/**
 * What the harvester did since the process started: requests by outcome, retries by cause, requests in flight and
 * their latency (fed by {@link HarvestEvents}), the run-wide pauses (the request gate's), and the pages and comments
 * of the runs (their own tallies, the summaries' counts). Plain counters, thread-safe; the
 * progress line reads them, and with --observe the metrics endpoint shows them (observe package).
 */
public final class HarvestMeters {

    private final Map<RequestOutcome, LongAdder> requests = new EnumMap<>(RequestOutcome.class);
    private final Map<RequestOutcome, LongAdder> retries = new EnumMap<>(RequestOutcome.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyTotalMs = new LongAdder();
    private final AtomicLong latencyMaxMs = new AtomicLong();
    private volatile LongConsumer latencyListener = ms -> {};
    private volatile IntSupplier pauses = () -> 0;
    /** The runs whose pages and comments are counted: ended runs are added up, the current one read live. */
    private volatile HarvestRun run;

    private long endedPagesOk;
    private long endedPagesFailed;
    private long endedCommentsAdded;
    private int endedRun;

    public HarvestMeters() {
        for (RequestOutcome outcome : RequestOutcome.values()) {
            requests.put(outcome, new LongAdder());
            retries.put(outcome, new LongAdder());
        }
    }

    /** A request left for the API. */
    public void requestSent() {
        inFlight.incrementAndGet();
    }

    /** The HTTP exchange of a request is over (answered or not), after {@code millis}. */
    public void requestDone(long millis) {
        inFlight.updateAndGet(n -> Math.max(0, n - 1));
        latencyCount.increment();
        latencyTotalMs.add(millis);
        latencyMaxMs.accumulateAndGet(millis, Math::max);
        latencyListener.accept(millis);
    }

    /** A request ended this way (its answer read, or its failure known). */
    public void requestEnded(RequestOutcome outcome) {
        requests.get(outcome).increment();
    }

    /** A page is tried again after a failure of this kind. */
    public void retried(RequestOutcome cause) {
        retries.get(cause).increment();
    }

    /** The application's run, whose pages and comments are counted from now on. */
    public void follow(HarvestRun harvestRun) {
        this.run = harvestRun;
    }

    /** The followed run has ended and reported: its counts are added up before the next run clears them. */
    public synchronized void runEnded() {
        HarvestRun current = run;
        if (current != null && endedRun != current.runsStarted()) {
            endedRun = current.runsStarted();
            endedPagesOk += current.pagesOk();
            endedPagesFailed += current.pagesFailed();
            endedCommentsAdded += current.commentsAdded();
        }
    }

    /** Pages stored by the runs since the process started. */
    public synchronized long pagesOk() {
        return endedPagesOk + (isRunning() ? run.pagesOk() : 0);
    }

    /** Pages given up on by the runs since the process started. */
    public synchronized long pagesFailed() {
        return endedPagesFailed + (isRunning() ? run.pagesFailed() : 0);
    }

    /** Comments added to Redis by the runs since the process started (the summaries' "comments added"). */
    public synchronized long commentsAdded() {
        return endedCommentsAdded + (isRunning() ? run.commentsAdded() : 0);
    }

    /** The followed run has started and has not reported yet. */
    private boolean isRunning() {
        HarvestRun current = run;
        return current != null && current.runsStarted() != endedRun;
    }

    /** Where the run-wide pauses are counted (the request gate). */
    public void pausesFrom(IntSupplier source) {
        this.pauses = source;
    }

    /** Told every request latency, in ms, as it is measured (a metrics timer). */
    public void onLatency(LongConsumer listener) {
        this.latencyListener = listener;
    }

    public long requests(RequestOutcome outcome) {
        return requests.get(outcome).sum();
    }

    public long requests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long retries(RequestOutcome cause) {
        return retries.get(cause).sum();
    }

    public long retries() {
        return retries.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int pauses() {
        return pauses.getAsInt();
    }

    /** HTTP exchanges timed so far. */
    public long latencyCount() {
        return latencyCount.sum();
    }

    public long latencyTotalMs() {
        return latencyTotalMs.sum();
    }

    public long latencyMaxMs() {
        return latencyMaxMs.get();
    }
}
