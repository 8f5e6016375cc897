package io.commentharvester.sandbox;

import java.util.Locale;

/**
 * The transient failures the sandbox can inject into an otherwise valid comment request. Each one is
 * something a harvester must survive by retrying (see the error table of the weapi contract).
 */
public enum FaultKind {
    /** HTTP status 503 with a short non-JSON body. */
    HTTP_503,
    /** The handler stalls for {@link SandboxSettings#hangMs()}, then answers normally. */
    HANG,
    /** HTTP 200 with the valid JSON answer cut roughly in half. */
    TRUNCATED_JSON,
    /** HTTP 200 with {@code {"code":-460,"message":"Cheating"}}. */
    CHEATING,
    /** HTTP 200 with {@code {"code":405,"message":"操作频繁，请稍候再试"}}. */
    TOO_FREQUENT;

    /** The name used in properties and as the outcome name in the stats: {@code http-503}, {@code hang}, ... */
    public String propertyName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a property name such as {@code http-503} or {@code Too_Frequent} (case-insensitive, '-' or '_'). */
    public static FaultKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty fault kind");
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (FaultKind kind : values()) {
            if (kind.name().equals(normalized)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text.trim() + "'");
    }
}
