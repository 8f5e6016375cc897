package io.commentharvester;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import io.commentharvester.config.ExportSettings;
import io.commentharvester.config.SettingSources;
import io.commentharvester.config.SettingsLoader;
import io.commentharvester.export.ExportCommand;
import io.commentharvester.harvest.distributed.StatusCommand;

/**
 * The commands that read what harvests stored and harvest nothing: {@code --export=...} and {@code --status}. Both
 * read the settings without starting Camel; with {@code --sandbox}, the sandbox's keys.
 */
final class StoreCommands {

    private StoreCommands() {}

    /** {@code --export=...}: with {@code --sandbox}, the sandbox's keys. */
    static int export(CommandLine commandLine, PrintStream out, PrintStream err) {
        return ExportCommand.run(
                commandLine.overrides().get(ExportSettings.EXPORT), sandboxPrefixed(commandLine), out, err);
    }

    /** {@code --status}: with {@code --sandbox}, the sandbox's keys. */
    static int status(CommandLine commandLine, PrintStream out) {
        return StatusCommand.run(sandboxPrefixed(commandLine), out);
    }

    /**
     * The settings as Camel resolves them ({{env:REDIS_URL:}} and the like), without starting Camel; with
     * {@code --sandbox}, the sandbox's keys.
     */
    private static Function<String, String> sandboxPrefixed(CommandLine commandLine) {
        Map<String, String> overrides = SettingSources.overrides(commandLine.overrides(), System.getProperties());
        Function<String, String> settings = SettingSources.lookup(overrides, Path.of(Application.PROPERTIES_FILE));
        if (commandLine.sandbox() && !overrides.containsKey("redis.key-prefix")) {
            String prefix = settings.apply("redis.key-prefix");
            overrides.put("redis.key-prefix", Application.SANDBOX_KEY_PREFIX + (prefix == null ? "" : prefix));
        }
        return SettingsLoader.load(Application.PROPERTIES_LOCATION, overrides);
    }
}
