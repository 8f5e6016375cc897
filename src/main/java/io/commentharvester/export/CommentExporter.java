package io.commentharvester.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.config.ExportSettings;
import io.commentharvester.harvest.Resource;

/**
 * {@code --export}: the comments of some or every harvested thread, newest first, streamed from Redis to a file
 * (written beside it and moved into place at the end, so a failed export leaves no half file) or to standard
 * output. Never writes to Redis.
 */
public final class CommentExporter {

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final ObjectMapper json = new ObjectMapper();

    public CommentExporter(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** One thread to export: its comments hash and the resource it belongs to. */
    public record Thread(String commentsKey, String resource) {}

    /** The threads an export names: those listed, or every thread under the key prefix that has a meta hash. */
    public List<Thread> threads(ExportSettings settings) {
        List<Thread> threads = new ArrayList<>();
        if (!settings.all()) {
            for (Resource resource : settings.resources()) {
                threads.add(new Thread(resource.commentsKey(keyPrefix), resource.toString()));
            }
            return threads;
        }
        TreeSet<String> keys = new TreeSet<>();
        String pattern = keyPrefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*:meta";
        try (Cursor<String> cursor =
                redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
            cursor.forEachRemaining(key -> keys.add(key.substring(0, key.length() - ":meta".length())));
        }
        for (String key : keys) {
            String rest = key.substring(keyPrefix.length());
            threads.add(new Thread(key, rest.contains(":") ? rest : "song:" + rest));
        }
        return threads;
    }

    /** Writes every comment of the threads, each thread newest first; answers how many were written. */
    public long export(List<Thread> threads, ExportSettings.Format format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CommentSink sink = CommentSink.of(format, writer, json);
        long[] written = {0};
        for (Thread thread : threads) {
            new NewestFirst(redis, thread.commentsKey()).forEach((field, value, time) -> {
                sink.comment(value, thread.resource());
                written[0]++;
            });
        }
        sink.finish();
        return written[0];
    }

    /** As {@link #export(List, ExportSettings.Format, OutputStream)} into a file, replaced only once complete. */
    public long export(List<Thread> threads, ExportSettings.Format format, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(partial)) {
                written = export(threads, format, out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
