package io.commentharvester.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Secrets come from an environment variable (through a {@code {{env:...}}} placeholder) or from a file named by
 * a {@code *-file} setting, e.g. a mounted secret; never from a literal in a committed file. Values are never
 * part of an error message.
 */
public final class Secrets {

    private Secrets() {}

    /** The value of {@code fileKey}'s file (trimmed) when that setting is set, else {@code valueKey}'s value, else "". */
    public static String read(Function<String, String> lookup, String valueKey, String fileKey) {
        String file = lookup.apply(fileKey);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file.trim());
            try {
                return Files.readString(path, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new InvalidSettingException(
                        fileKey, file, "cannot read the file (" + e.getClass().getSimpleName() + ")");
            }
        }
        String value = lookup.apply(valueKey);
        return value == null ? "" : value;
    }
}
