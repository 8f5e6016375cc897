package io.commentharvester;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.config.SettingSources;
import io.commentharvester.config.SettingsLoader;
import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;

/** {@code --sandbox-only}: the emulator alone, with its settings read and checked as a harvest's are, until stopped. */
final class SandboxOnly {

    private final PrintStream out;
    private final PrintStream err;

    SandboxOnly(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CommandLine commandLine) {
        // the same loader and checks as a harvest: a misspelt key or a bad value is one line and exit 2
        Map<String, String> overrides = SettingSources.overrides(commandLine.overrides(), System.getProperties());
        String location = Application.PROPERTIES_LOCATION
                + (Files.isRegularFile(Path.of(Application.PROPERTIES_FILE)) ? "" : ";optional=true");
        SandboxSettings settings;
        try {
            settings = SandboxSettings.fromProperties(SettingsLoader.load(location, overrides));
        } catch (InvalidSettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            err.println("comment-harvester: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SandboxServer sandbox = SandboxServer.start(settings)) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                sandbox.close();
                                stopped.countDown();
                            },
                            "sandbox-shutdown"));
            out.println(sandbox.describe());
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("comment-harvester: cannot start the sandbox: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }
}
