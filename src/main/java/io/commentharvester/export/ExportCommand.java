package io.commentharvester.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.commentharvester.config.ExportSettings;
import io.commentharvester.config.HarvestSettings;
import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.config.Secrets;
import io.commentharvester.redis.RedisStore;

/**
 * {@code --export=<type:id>[,...]|all}: settings checked first (a bad one stops it before Redis is touched and
 * before any file is made), then Redis opened (the embedded one is started on its data folder and stopped at the
 * end), the comments streamed out, a one-line report on standard error.
 */
public final class ExportCommand {

    private ExportCommand() {}

    /** Runs an export; answers the exit code (0, or 1 when writing failed). */
    public static int run(String export, Function<String, String> lookup, PrintStream out, PrintStream err) {
        ExportSettings exportSettings = ExportSettings.from(export, lookup);
        HarvestSettings settings = HarvestSettings.from(lookup);
        String password = Secrets.read(lookup, "redis.password", "redis.password-file");
        if (settings.embeddedRedis() && !Files.isDirectory(Path.of(settings.embeddedRedisDir()))) {
            throw new InvalidSettingException(
                    "redis.embedded-dir",
                    settings.embeddedRedisDir(),
                    "holds no data to export (set redis.url to export from a Redis server)");
        }
        RedisStore store = settings.embeddedRedis()
                ? RedisStore.embedded(Path.of(settings.embeddedRedisDir()), 2)
                : RedisStore.connect(settings.redisUrl(), password, 2);
        long started = System.nanoTime();
        try {
            store.start();
            CommentExporter exporter = new CommentExporter(store.template(), settings.keyPrefix());
            List<CommentExporter.Thread> threads = exporter.threads(exportSettings);
            long written = exportSettings.file() == null
                    ? exporter.export(threads, exportSettings.format(), out)
                    : exporter.export(threads, exportSettings.format(), exportSettings.file());
            err.println(String.format(
                    Locale.ROOT,
                    "export done: %d comment(s) of %d thread(s) as %s to %s, %.1f s",
                    written,
                    threads.size(),
                    exportSettings.format().name().toLowerCase(Locale.ROOT),
                    exportSettings.file() == null ? "standard output" : exportSettings.file(),
                    (System.nanoTime() - started) / 1e9));
            return 0;
        } catch (IOException e) {
            err.println("comment-harvester: export failed: " + e.getMessage());
            return 1;
        } finally {
            store.stop();
        }
    }
}
