package io.commentharvester.harvest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.commentharvester.ExitCodes;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WorkQueue;

/** The tally of one harvest run: its walks, what was stored and what failed; thread-safe. */
public class HarvestRun {

    private final Runnable onFinished;
    private volatile WorkQueue queue;
    private final AtomicInteger pagesOk = new AtomicInteger();
    private final AtomicInteger pagesFailed = new AtomicInteger();
    private final AtomicLong commentsAdded = new AtomicLong();
    private final Map<String, String> failures = new ConcurrentSkipListMap<>();
    private final List<Runnable> cancelListeners = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger runsStarted = new AtomicInteger();
    private final AtomicInteger skippedTriggers = new AtomicInteger();
    private volatile Runnable queueListener;
    private volatile long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile String abortReason;
    private volatile boolean cancelled;
    private volatile String stopReason;
    private volatile int stopExitCode;

    public HarvestRun(Runnable onFinished) {
        this.onFinished = onFinished == null ? () -> {} : onFinished;
    }

    /** The run's work is planned: from now on its walks are what the summary reports. */
    public void planned(WorkQueue work) {
        startNanos = System.nanoTime();
        queue = work;
        Runnable previous = queueListener;
        if (previous != null) {
            cancelListeners.remove(previous);
        }
        queueListener = work::wakeUp;
        whenStopping(queueListener);
    }

    /**
     * Route step, first of every run: on a schedule, the tally of the run before is cleared, so that each run
     * reports on its own. A trigger that fires while a run is still going starts nothing: it is counted in
     * {@link #skippedTriggers()} and its exchange stops here, so two runs never walk the same threads at once.
     */
    public void begin(org.apache.camel.Exchange exchange) {
        if (isPlanned() && !isFinished()) {
            skippedTriggers.incrementAndGet();
            exchange.setRouteStop(true);
            return;
        }
        runsStarted.incrementAndGet();
        if (!isFinished()) {
            return;
        }
        queue = null;
        pagesOk.set(0);
        pagesFailed.set(0);
        commentsAdded.set(0);
        failures.clear();
        abortReason = null;
        if (stopExitCode != ExitCodes.CAPTCHA) {
            // a flagged address (captcha) keeps every later run from sending anything until the process restarts
            stopReason = null;
            stopExitCode = 0;
        }
        endNanos = 0;
        startNanos = System.nanoTime();
        finished = new CountDownLatch(1);
    }

    /** Runs started so far (more than one on a schedule). */
    public int runsStarted() {
        return runsStarted.get();
    }

    /** Triggers that fired while a run was still going, and so started nothing. */
    public int skippedTriggers() {
        return skippedTriggers.get();
    }

    public void pageStored(long added) {
        pagesOk.incrementAndGet();
        commentsAdded.addAndGet(added);
    }

    public void pageFailed(PageRequest page, String error) {
        pagesFailed.incrementAndGet();
        failures.put(page.toString(), error);
    }

    /** The run cannot go on (its plan could not be made): it ends now with this reason. */
    public void abort(String reason) {
        abortReason = reason;
        finish();
    }

    /** No page starts after this; pages in flight finish (or are abandoned at the shutdown timeout). */
    public void cancel() {
        if (isFinished()) {
            // the context stops after every run: only a stop before the end cancels anything
            return;
        }
        cancelled = true;
        cancelListeners.forEach(Runnable::run);
    }

    /**
     * The run cannot usefully go on (a captcha, a server that answers nothing): no page starts after this, pages
     * in flight finish, and the run ends with this reason and exit code unless it is complete anyway.
     */
    public void stop(String reason, int exitCode) {
        synchronized (this) {
            // the first reason stands, except that a captcha (the address is flagged) is always what is said
            if (isFinished()
                    || stopReason != null && (stopExitCode == ExitCodes.CAPTCHA || exitCode != ExitCodes.CAPTCHA)) {
                return;
            }
            stopExitCode = exitCode;
            stopReason = reason;
        }
        cancelListeners.forEach(Runnable::run);
    }

    /** Runs the listener when the run is cancelled or stopped (at once if it already is). */
    public void whenStopping(Runnable listener) {
        cancelListeners.add(listener);
        if (isStopping()) {
            listener.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Cancelled by a signal, or stopped for a reason: no new page starts. */
    public boolean isStopping() {
        return cancelled || stopReason != null;
    }

    /** Why the run stopped before its end; null when it did not. */
    public String stopReason() {
        return stopReason;
    }

    public String abortReason() {
        return abortReason;
    }

    /** Called once the last page is done; releases whoever waits for the run. */
    public void finish() {
        if (finished.getCount() > 0) {
            endNanos = System.nanoTime();
            finished.countDown();
            onFinished.run();
        }
    }

    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    public boolean isPlanned() {
        return queue != null;
    }

    public List<ThreadWalk> walks() {
        WorkQueue work = queue;
        return work == null ? List.of() : work.walks();
    }

    public int resources() {
        return walks().size();
    }

    public int pagesOk() {
        return pagesOk.get();
    }

    public int pagesFailed() {
        return pagesFailed.get();
    }

    /** Comments this run added to Redis (as Redis counted them: page by page while it runs, then the hashes' growth). */
    public long commentsAdded() {
        if (!isPlanned()) {
            return commentsAdded.get();
        }
        return read(
                () -> walks().stream().mapToLong(walk -> walk.tally().added()).sum());
    }

    /** Comments the walked hashes hold (as last read from Redis). */
    public long commentsStored() {
        return read(() -> walks().stream()
                .mapToLong(walk -> Math.max(0, walk.tally().stored()))
                .sum());
    }

    /** Every walk reached the end of its thread or its requested page count. */
    public boolean isComplete() {
        return isPlanned() && read(() -> walks().stream().allMatch(ThreadWalk::isComplete));
    }

    /** Failed pages ("song:1 page before 1700000000000") and their last error. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    public double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    /** 0 when every walk is complete; 3 when a page failed or a walk stopped short; 130 when cancelled before. */
    public int exitCode() {
        if (abortReason != null) {
            return ExitCodes.ERROR;
        }
        boolean complete = isComplete() && pagesFailed() == 0;
        if (complete) {
            return ExitCodes.OK;
        }
        synchronized (this) {
            if (stopReason != null) {
                return stopExitCode;
            }
        }
        return cancelled ? ExitCodes.CANCELLED : ExitCodes.INCOMPLETE;
    }

    /** The run in one line: its state, resources, pages, comments added and stored, and seconds. */
    public String summaryLine() {
        return RunSummary.summaryLine(this);
    }

    /** One line per thread: added, stored, the API's total, completeness, and whether its end was reached. */
    public List<String> threadLines() {
        return RunSummary.threadLines(this);
    }

    /** Runs a read of the walks' tallies under the work queue's lock (summaries, reports, progress). */
    public <T> T read(java.util.function.Supplier<T> reader) {
        WorkQueue work = queue;
        return work == null ? reader.get() : work.read(reader);
    }
}
