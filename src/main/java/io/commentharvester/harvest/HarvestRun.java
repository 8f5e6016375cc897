package io.commentharvester.harvest;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The tally of one harvest run: what was planned, stored and failed; thread-safe. */
public class HarvestRun {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ABORTED = 1;
    public static final int EXIT_PAGES_FAILED = 3;
    /** A cancelled run, as a shell reports Ctrl-C (a SIGTERM'd process exits 143 by the signal itself). */
    public static final int EXIT_CANCELLED = 130;

    private final Runnable onFinished;
    private final AtomicInteger resources = new AtomicInteger();
    private final AtomicInteger pagesPlanned = new AtomicInteger();
    private final AtomicInteger pagesSkipped = new AtomicInteger();
    private final AtomicInteger pagesOk = new AtomicInteger();
    private final AtomicInteger pagesFailed = new AtomicInteger();
    private final AtomicLong commentsStored = new AtomicLong();
    private final Map<String, String> failures = new ConcurrentSkipListMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile String abortReason;
    private volatile boolean cancelled;

    public HarvestRun(Runnable onFinished) {
        this.onFinished = onFinished == null ? () -> { } : onFinished;
    }

    public void planned(int resourceCount, int pageCount, int skippedCount) {
        startNanos = System.nanoTime();
        resources.set(resourceCount);
        pagesPlanned.set(pageCount);
        pagesSkipped.set(skippedCount);
    }

    public void pageStored(int comments) {
        pagesOk.incrementAndGet();
        commentsStored.addAndGet(comments);
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
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
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

    public int resources() {
        return resources.get();
    }

    public int pagesPlanned() {
        return pagesPlanned.get();
    }

    public int pagesSkipped() {
        return pagesSkipped.get();
    }

    public int pagesOk() {
        return pagesOk.get();
    }

    public int pagesFailed() {
        return pagesFailed.get();
    }

    public long commentsStored() {
        return commentsStored.get();
    }

    /** Failed pages ("R_SO_4_1 page 3") and their last error. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    public double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    /** 0 when every planned page was stored, 3 when any failed or was not reached. */
    public int exitCode() {
        if (abortReason != null) {
            return EXIT_ABORTED;
        }
        if (cancelled && pagesOk() + pagesFailed() < pagesPlanned()) {
            return EXIT_CANCELLED;
        }
        return pagesFailed() == 0 && pagesOk() == pagesPlanned() ? EXIT_OK : EXIT_PAGES_FAILED;
    }

    public String summaryLine() {
        int notDone = pagesPlanned() - pagesOk() - pagesFailed();
        return String.format(java.util.Locale.ROOT,
                "harvest %s: %d resource(s), %d page(s) ok, %d failed%s%s, %d comments stored, %.1f s",
                abortReason != null ? "aborted" : isFinished() && notDone == 0 ? "done" : cancelled ? "cancelled" : "stopped", resources(), pagesOk(), pagesFailed(),
                notDone > 0 ? ", " + notDone + " not done" : "",
                pagesSkipped() > 0 ? ", " + pagesSkipped() + " already stored" : "",
                commentsStored(), seconds());
    }
}
