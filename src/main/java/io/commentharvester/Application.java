package io.commentharvester;

import java.io.PrintStream;

import io.commentharvester.config.ExportSettings;
import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.config.SettingsCatalog;
import io.commentharvester.harvest.HarvestRun;

/**
 * Starts a harvest with camel-main: {@code application.properties} and {@code routes/} from the working
 * directory, {@code --key=value} overrides, {@code --sandbox} to harvest the built-in emulator instead of
 * music.163.com, {@code --sandbox-only} to run only the emulator. The arguments are read here and each command
 * handed to its class: {@link SandboxOnly}, {@link StoreCommands} ({@code --export}, {@code --status}) and
 * {@link HarvestCommand}, the harvest itself.
 */
public final class Application {

    /** Where the settings are read from; tests use the same file. */
    public static final String PROPERTIES_FILE = "application.properties";

    public static final String PROPERTIES_LOCATION = "file:" + PROPERTIES_FILE;

    /** Put before redis.key-prefix in a --sandbox run, so emulated comments never mix with real ones. */
    public static final String SANDBOX_KEY_PREFIX = "sandbox:";

    private final PrintStream out;
    private final PrintStream err;
    private final HarvestCommand harvest;

    public Application(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.harvest = new HarvestCommand(out, err);
    }

    public static void main(String[] args) {
        if (java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("--export="))) {
            // the comments go to standard output: the log goes to standard error
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        }
        // an OutOfMemoryError or other VirtualMachineError anywhere ends the process: one line, exit 1
        FatalErrors.forJvm().install();
        Application application = new Application(System.out, System.err);
        int exitCode = application.run(args);
        if (!application.harvest.stoppedBySignal()) {
            // after SIGTERM or Ctrl-C the JVM is already exiting, with 143 or 130, once the summary is out
            System.exit(exitCode);
        }
    }

    /** Cancels the running harvest as Ctrl-C would: no new page starts, the summary is printed. */
    public void stop() {
        harvest.stop();
    }

    /** Runs with the given arguments and returns the process exit code. */
    public int run(String... args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("comment-harvester: " + e.getMessage() + " (try --help)");
            return ExitCodes.BAD_INPUT;
        }
        if (commandLine.help()) {
            out.println(CommandLine.USAGE);
            out.println();
            out.print(SettingsCatalog.shipped().help());
            out.println();
            out.print(ExitCodes.help());
            return ExitCodes.OK;
        }
        if (commandLine.version()) {
            out.println("comment-harvester " + CommandLine.buildVersion());
            return ExitCodes.OK;
        }
        try {
            if (commandLine.sandboxOnly()) {
                return new SandboxOnly(out, err).run(commandLine);
            }
            if (commandLine.overrides().containsKey(ExportSettings.EXPORT)) {
                return StoreCommands.export(commandLine, out, err);
            }
            if (commandLine.status()) {
                return StoreCommands.status(commandLine, out);
            }
            return harvest.run(commandLine);
        } catch (InvalidSettingException e) {
            err.println("comment-harvester: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** The tally of the last harvest this application ran, or null. */
    public HarvestRun lastRun() {
        return harvest.lastRun();
    }
}
