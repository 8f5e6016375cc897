package io.commentharvester.report;

import java.io.PrintStream;

import org.apache.camel.main.Main;

import io.commentharvester.config.OperabilitySettings;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.observe.Observe;

/**
 * What the application shows of its runs besides the summary: the progress while a run goes, the table per resource
 * when it ends, and, with --observe, health and metrics. One per application run; closed when it ends.
 */
public final class Operability implements AutoCloseable {

    /** Bean names: the meters, and the event notifier that feeds them (camel-main adds it to the context). */
    public static final String METERS = "harvestMeters";

    public static final String EVENTS = "harvestEvents";

    private final HarvestRun run;
    private final HarvestMeters meters = new HarvestMeters();
    private final ProgressReporter progress;

    private Operability(HarvestRun run, OperabilitySettings settings) {
        this.run = run;
        meters.follow(run);
        this.progress = ProgressReporter.start(run, meters, settings.progressIntervalMs());
    }

    /**
     * Binds the meters and their feed into {@code camel}, with --observe the health checks and metrics too, and
     * starts showing progress.
     *
     * @throws io.commentharvester.config.InvalidSettingException when --observe lacks its jars
     */
    public static Operability start(Main camel, HarvestRun run, OperabilitySettings settings) {
        if (settings.observe()) {
            Observe.install(camel);
        }
        Operability operability = new Operability(run, settings);
        camel.bind(METERS, operability.meters);
        camel.bind(EVENTS, new HarvestEvents(operability.meters));
        return operability;
    }

    /** A run has ended and its counts are settled: its last progress, then its table (the summary follows). */
    public void runEnded(PrintStream out) {
        progress.runEnded();
        meters.runEnded();
        RunReport.table(run).forEach(out::println);
    }

    public HarvestMeters meters() {
        return meters;
    }

    @Override
    public void close() {
        progress.close();
    }
}
