package io.commentharvester;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.config.OperabilitySettings;
import io.commentharvester.config.RunSettings;
import io.commentharvester.config.SettingSources;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.preflight.RouteFiles;
import io.commentharvester.redis.RedisStore;
import io.commentharvester.report.Operability;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;

/**
 * The harvest itself, what the command line runs when it asks for nothing else: with {@code --sandbox} the emulator
 * started first, then camel-main run with the settings and the run's tally bound, a SIGTERM or Ctrl-C turned into a
 * cancel, and at the end the summary and the exit code (once per run on a schedule).
 */
final class HarvestCommand {

    /** How long a SIGTERM or Ctrl-C waits for the run to wind down (camel.main.shutdown-timeout bounds it first). */
    private static final long SIGNAL_GRACE_SECONDS = 120;
    /** What {@link #runCamel} returns when Camel started and ran to its stop. */
    private static final int RAN = -1;

    private final PrintStream out;
    private final PrintStream err;
    private volatile HarvestRun lastRun;
    private volatile Operability operability;
    private volatile Main main;
    private volatile boolean stoppedBySignal;
    private List<Path> routeFiles = List.of();

    HarvestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Cancels the running harvest as Ctrl-C would: no new page starts, the summary is printed. */
    void stop() {
        HarvestRun run = lastRun;
        if (run != null) {
            run.cancel();
        }
        Main current = main;
        if (current != null) {
            current.completed();
        }
    }

    /** The tally of the last harvest this command ran, or null. */
    HarvestRun lastRun() {
        return lastRun;
    }

    /** A SIGTERM or Ctrl-C stopped the run: the JVM is already exiting. */
    boolean stoppedBySignal() {
        return stoppedBySignal;
    }

    /** Runs the harvest and returns the process exit code; bad settings are thrown on. */
    int run(CommandLine commandLine) {
        Map<String, String> overrides = SettingSources.overrides(commandLine.overrides(), System.getProperties());
        // reads application.properties once; later additions to overrides are seen through it
        Function<String, String> settings = SettingSources.lookup(overrides, Path.of(Application.PROPERTIES_FILE));
        SandboxServer sandbox = null;
        try {
            if (commandLine.sandbox()) {
                sandbox = SandboxServer.start(SandboxSettings.fromProperties(settings));
                overrides.put("weapi.base-url", sandbox.baseUrl());
                overrides.put("weapi.rsa-modulus", sandbox.rsaModulusHex());
                overrides.put("weapi.rsa-public-exponent", sandbox.rsaPublicExponentHex());
                // the sandbox's comments are not NetEase's: keep them (and their resume state) apart
                if (!commandLine.overrides().containsKey("redis.key-prefix")) {
                    String prefix = settings.apply("redis.key-prefix");
                    overrides.put("redis.key-prefix", Application.SANDBOX_KEY_PREFIX + (prefix == null ? "" : prefix));
                }
                out.println("Sandbox listening on " + sandbox.baseUrl()
                        + " (offline emulator of the weapi); keys start with " + overrides.get("redis.key-prefix"));
            }
            return runMain(overrides, settings);
        } catch (IOException e) {
            err.println("comment-harvester: cannot start the sandbox: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidSettingException) {
                throw e;
            }
            err.println("comment-harvester: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private int runMain(Map<String, String> overrides, Function<String, String> settings) {
        if (!Files.isRegularFile(Path.of(Application.PROPERTIES_FILE))) {
            throw new InvalidSettingException(
                    "properties",
                    Application.PROPERTIES_FILE + " is missing from the working directory "
                            + Path.of("").toAbsolutePath() + "; run from the project root");
        }
        routeFiles = RouteFiles.check(settings.apply(RouteFiles.PATTERN_KEY), Path.of(""));
        RunSettings runSettings = RunSettings.from(settings);
        OperabilitySettings operabilitySettings = OperabilitySettings.from(settings);
        Main camel = new Main();
        camel.configure().addConfiguration(HarvesterConfiguration.class);
        camel.setPropertyPlaceholderLocations(Application.PROPERTIES_LOCATION);
        overrides.forEach(camel::addOverrideProperty);
        camel.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport main) {
                SettingSources.apply(main.getCamelContext().getPropertiesComponent());
            }
        });
        HarvestRun[] self = new HarvestRun[1];
        // on a schedule each run reports when it ends and the process goes on; otherwise the first run ends it
        HarvestRun run =
                new HarvestRun(runSettings.scheduled() ? () -> report(self[0]) : RunCompletion.whenIdle(camel));
        self[0] = run;
        if (runSettings.scheduled()) {
            out.println("Harvesting " + runSettings.describeSchedule()
                    + (runSettings.incremental() ? " (incremental)" : "") + " until stopped (Ctrl-C or SIGTERM)");
        }
        lastRun = run;
        main = camel;
        camel.bind(HarvesterConfiguration.HARVEST_RUN, run);
        // progress, the table at the end, and with --observe health and metrics
        operability = Operability.start(camel, run, operabilitySettings);

        CountDownLatch reported = new CountDownLatch(1);
        Thread onSignal = new Thread(
                () -> {
                    stoppedBySignal = true;
                    stop();
                    try {
                        // keep the JVM alive until the run is wound down and its summary printed
                        reported.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "harvest-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return runSettings.scheduled() ? runScheduled(camel, run) : runAndReport(camel, run);
        } finally {
            operability.close();
            reported.countDown();
            if (!stoppedBySignal) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down
                }
            }
        }
    }

    /**
     * Runs Camel until it stops, then leaves nothing behind (Camel's hangup hook quiet, the Redis store stopped).
     *
     * @return {@link #RAN}, or the exit code of a start that failed, after its one line
     */
    private int runCamel(Main camel) {
        try {
            camel.run();
            return RAN;
        } catch (Exception e) {
            return StartFailures.report(e, err, routeFiles);
        } finally {
            main = null;
            quietHangupHook(camel);
            stopRedisStore(camel);
        }
    }

    private int runAndReport(Main camel, HarvestRun run) {
        int failedStart = runCamel(camel);
        if (failedStart != RAN) {
            return failedStart;
        }
        if (!run.isPlanned() && !run.isFinished() && !run.isCancelled()) {
            err.println("comment-harvester: the harvest did not run (see the log above)");
            return ExitCodes.ERROR;
        }
        report(run);
        return run.exitCode();
    }

    /**
     * Camel's own JVM shutdown hook says "triggered by SIGTERM" when System.exit ends a run that Camel still
     * counts as running (a start that failed on bad input): marking Camel's main as shut down keeps it quiet.
     */
    private void quietHangupHook(Main camel) {
        if (!stoppedBySignal
                && camel.getShutdownStrategy() != null
                && camel.getShutdownStrategy().isRunAllowed()) {
            camel.getShutdownStrategy().shutdown();
        }
    }

    /**
     * A start that fails after the Redis store started (a route that does not build) does not stop the services
     * Camel had started: the embedded Redis would outlive the process. Stopping a stopped store does nothing.
     */
    private static void stopRedisStore(Main camel) {
        CamelContext context = camel.getCamelContext();
        RedisStore store =
                context == null ? null : context.getRegistry().lookupByNameAndType("redisStore", RedisStore.class);
        if (store != null) {
            store.stop();
        }
    }

    /** Runs until stopped; every run has reported already, except one stopped half-way. */
    private int runScheduled(Main camel, HarvestRun run) {
        int failedStart = runCamel(camel);
        if (failedStart != RAN) {
            return failedStart;
        }
        if (run.isPlanned() && !run.isFinished()) {
            report(run);
        }
        out.println("harvest schedule stopped after " + run.runsStarted() + " run(s)");
        out.flush();
        // a run stopped half-way says so (130), as a one-shot run would
        return run.isPlanned() && run.isCancelled() ? run.exitCode() : ExitCodes.OK;
    }

    private void report(HarvestRun run) {
        Operability shown = operability;
        if (shown != null) {
            shown.runEnded(out);
        }
        out.println(run.summaryLine());
        run.threadLines().forEach(line -> out.println("  " + line));
        run.failures().forEach((page, error) -> err.println("  failed: " + page + ": " + error));
        if (run.abortReason() != null) {
            err.println("comment-harvester: " + run.abortReason());
        }
        if (run.stopReason() != null && run.exitCode() != ExitCodes.OK) {
            err.println("comment-harvester: stopped: " + run.stopReason());
        }
        out.flush();
    }
}
