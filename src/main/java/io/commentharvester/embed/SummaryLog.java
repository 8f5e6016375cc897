package io.commentharvester.embed;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.commentharvester.harvest.HarvestRun;

/**
 * The run of an application that Application did not start (camel run, an integration platform): each run's
 * summary, as the command line prints it, goes to the log when the run ends.
 */
public final class SummaryLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.commentharvester.summary");

    private SummaryLog() {}

    /** A run that logs its summary when it finishes. */
    public static HarvestRun newRun() {
        AtomicReference<HarvestRun> self = new AtomicReference<>();
        HarvestRun run = new HarvestRun(() -> log(self.get()));
        self.set(run);
        return run;
    }

    static void log(HarvestRun run) {
        if (run == null || !run.isPlanned()) {
            return;
        }
        LOG.info("{}", run.summaryLine());
        run.threadLines().forEach(line -> LOG.info("  {}", line));
        run.failures().forEach((page, error) -> LOG.warn("  failed: {}: {}", page, error));
        if (run.stopReason() != null) {
            LOG.warn("  stopped: {}", run.stopReason());
        }
    }
}
