package io.commentharvester.sandbox;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The failures the sandbox can inject into an otherwise valid comment request (see the error table of the weapi
 * contract). All but {@link #CAPTCHA} are transient: a harvester must survive them by retrying. A captcha means the
 * address is flagged: a client stops the whole run; it is injected only when named in
 * {@code sandbox.fault-kinds}, never among the {@link #defaults()}.
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
    TOO_FREQUENT,
    /**
     * HTTP 200 with {@code {"code":-462,"message":"请完成验证操作","data":{"verifyUrl":..,"blockText":..,...}}}: risk
     * control wants a captcha. Not a default kind.
     */
    CAPTCHA;

    private static final Set<FaultKind> DEFAULTS =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(CAPTCHA)));

    /** The kinds injected when {@code sandbox.fault-kinds} is not set: every transient one (not the captcha). */
    public static Set<FaultKind> defaults() {
        return DEFAULTS;
    }

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
