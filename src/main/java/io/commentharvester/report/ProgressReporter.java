package io.commentharvester.report;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.commentharvester.harvest.HarvestRun;

/**
 * Shows the progress of the application's runs while they go: a live bar when the output is a terminal
 * ({@code System.console() != null}), otherwise one INFO line every {@code harvest.progress-interval-ms}; then, when
 * a run ends, its final counts (the same as the summary's). Nothing at all with an interval of 0.
 */
public final class ProgressReporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
    /** How often the terminal bar is brought up to date. */
    private static final long BAR_TICK_MS = 250;

    private final HarvestRun run;
    private final HarvestMeters meters;
    private final ProgressView view;
    private final ScheduledExecutorService ticker;

    ProgressReporter(HarvestRun run, HarvestMeters meters, ProgressView view, long tickMs) {
        this.run = run;
        this.meters = meters;
        this.view = view;
        if (view == null) {
            ticker = null;
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "harvest-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    /** The progress of {@code run}'s runs: a bar on a terminal, lines every {@code intervalMs} otherwise; 0: none. */
    public static ProgressReporter start(HarvestRun run, HarvestMeters meters, long intervalMs) {
        if (intervalMs <= 0) {
            return new ProgressReporter(run, meters, null, 0);
        }
        return System.console() != null
                ? new ProgressReporter(run, meters, new ProgressBarView(), BAR_TICK_MS)
                : new ProgressReporter(run, meters, new ProgressLines(), intervalMs);
    }

    private synchronized void tick() {
        try {
            if (run.isPlanned() && !run.isFinished()) {
                view.update(ProgressSnapshot.of(run, meters, false));
            }
        } catch (RuntimeException e) {
            // progress must never disturb the harvest
            LOG.debug("Progress not shown", e);
        }
    }

    /** A run is over and its counts are settled: its final progress, just before its report. */
    public synchronized void runEnded() {
        if (view != null && run.isPlanned()) {
            view.finish(ProgressSnapshot.of(run, meters, true));
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
