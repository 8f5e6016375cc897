package io.commentharvester.report;

import java.time.Duration;
import java.util.Optional;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live bar on the terminal (me.tongfei:progressbar, on standard error): pages done of the plan, pages a second,
 * the ETA from the plan's estimate, and the comments, failed pages, retries and pauses as its message. One bar per
 * run.
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

    /** Short, for narrow terminals: comments added, then failed pages, retries and pauses when there are any. */
    static String message(ProgressSnapshot snapshot) {
        StringBuilder text =
                new StringBuilder(" ").append(snapshot.commentsAdded()).append(" comments");
        if (snapshot.pagesFailed() > 0) {
            text.append(", ").append(snapshot.pagesFailed()).append(" failed");
        }
        if (snapshot.retries() > 0) {
            text.append(", ").append(snapshot.retries()).append(" retries");
        }
        if (snapshot.pauses() > 0) {
            text.append(", ").append(snapshot.pauses()).append(" pauses");
        }
        return text.toString();
    }
}
