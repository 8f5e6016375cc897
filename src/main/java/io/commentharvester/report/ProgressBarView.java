package io.commentharvester.report;

import java.time.Duration;
import java.util.Optional;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live bar on the terminal (me.tongfei:progressbar, on standard error): pages done of the plan, the rate, the
 * ETA from the plan's estimate, and the comments, retries and pauses as its message. One bar per run.
 */
final class ProgressBarView implements ProgressView {

    private ProgressBar bar;
    private volatile ProgressSnapshot last;

    @Override
    public void update(ProgressSnapshot snapshot) {
        last = snapshot;
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Harvest")
                    .setInitialMax(snapshot.pagesPlanned())
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUnit(" pages", 1)
                    .setUpdateIntervalMillis(250)
                    .setEtaFunction(state -> eta())
                    .showSpeed()
                    .build();
        }
        bar.maxHint(snapshot.pagesPlanned());
        bar.stepTo(snapshot.pagesDone());
        bar.setExtraMessage(message(snapshot));
    }

    @Override
    public void finish(ProgressSnapshot snapshot) {
        if (bar == null) {
            return;
        }
        update(snapshot);
        bar.close();
        bar = null;
    }

    /** The ETA of the plan's estimate and the rate so far (the bar's own would not know the plan grows). */
    private Optional<Duration> eta() {
        ProgressSnapshot snapshot = last;
        return snapshot == null || snapshot.etaSeconds() < 0
                ? Optional.empty()
                : Optional.of(Duration.ofSeconds(Math.round(snapshot.etaSeconds())));
    }

    private static String message(ProgressSnapshot snapshot) {
        return snapshot.pagesFailed() + " failed, " + snapshot.commentsAdded() + " comments added, "
                + snapshot.retries() + " retries, " + snapshot.pauses() + " pauses";
    }
}
