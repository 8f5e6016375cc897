package io.commentharvester.sandbox;

import java.util.Locale;

/** What offset paging gets at or past {@link SandboxSettings#offsetCeiling()}. */
public enum CeilingMode {
    /** An empty comment list with hasMore false. */
    EMPTY,
    /**
     * The last reachable page again: the page of the request's size that ends at the ceiling, with hasMore as if
     * the rows asked for existed (as the real site is reported to repeat pages).
     */
    REPEAT;

    /** {@code empty} or {@code repeat} */
    public String propertyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code empty} or {@code repeat}, case-insensitive. */
    public static CeilingMode parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (CeilingMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown ceiling mode '" + (text == null ? "" : text.trim()) + "'");
    }
}
