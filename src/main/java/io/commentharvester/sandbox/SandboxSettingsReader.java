package io.commentharvester.sandbox;

import static io.commentharvester.sandbox.SandboxSettings.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Reads {@link SandboxSettings} from {@code sandbox.*} properties. Every error is one line naming the key and the
 * value: {@code invalid value 'x' for sandbox.port: not an integer}.
 */
final class SandboxSettingsReader {

    private final Function<String, String> lookup;

    private SandboxSettingsReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** A missing or blank value keeps the one of {@code d}. */
    static SandboxSettings read(Function<String, String> lookup, SandboxSettings d) {
        SandboxSettingsReader r = new SandboxSettingsReader(lookup);
        int port = r.intValue(PORT, d.port(), v -> v >= 0 && v <= 65535, "0..65535");
        int comments = r.intValue(COMMENTS_PER_THREAD, d.commentsPerThread(), v -> v >= 0, ">= 0");
        long latency = r.longValue(LATENCY_MS, d.latencyMs(), v -> v >= 0, ">= 0");
        long jitter = r.longValue(JITTER_MS, d.jitterMs(), v -> v >= 0, ">= 0");
        double rate = r.fraction(FAULT_RATE, d.faultRate());
        int maxFaults = r.intValue(MAX_FAULTS_PER_PAGE, d.maxFaultsPerPage(), v -> v >= 0, ">= 0");
        long seed = r.longValue(SEED, d.seed(), v -> true, "");
        long hang = r.longValue(HANG_MS, d.hangMs(), v -> v >= 0, ">= 0");
        Set<FaultKind> kinds = r.kinds(FAULT_KINDS, d.faultKinds());
        int ceiling = r.intValue(OFFSET_CEILING, d.offsetCeiling(), v -> v >= 0, ">= 0");
        String keyFile = r.value(KEY_FILE);
        CeilingMode ceilingMode = r.ceilingMode(CEILING_MODE, d.ceilingMode());
        double sameTime = r.fraction(SAME_TIME_SHARE, d.sameTimeShare());
        boolean orderTypeEffective = r.bool(ORDER_TYPE_EFFECTIVE, d.orderTypeEffective());
        int rateLimit = r.intValue(RATE_LIMIT, d.rateLimit(), v -> v >= 0, ">= 0 (0 = no limit)");
        long penalty = r.longValue(PENALTY_MS, d.penaltyMs(), v -> v >= 0, ">= 0");
        boolean requireCookies = r.bool(REQUIRE_COOKIES, d.requireCookies());
        double replyShare = r.fraction(REPLY_SHARE, d.replyShare());
        double oddShare = r.fraction(ODD_SHARE, d.oddShare());
        int hideNewest = r.intValue(HIDE_NEWEST, d.hideNewest(), v -> v >= 0, ">= 0 (0 = none hidden)");
        return new SandboxSettings(
                port,
                comments,
                latency,
                jitter,
                rate,
                maxFaults,
                seed,
                hang,
                kinds,
                ceiling,
                keyFile,
                ceilingMode,
                sameTime,
                orderTypeEffective,
                rateLimit,
                penalty,
                requireCookies,
                replyShare,
                oddShare,
                hideNewest);
    }

    private String value(String key) {
        String raw = lookup.apply(key);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    private int intValue(String key, int fallback, LongPredicate ok, String expected) {
        String raw = value(key);
        if (raw == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "not an integer");
        }
        if (!ok.test(parsed)) {
            throw invalid(key, raw, "must be " + expected);
        }
        return parsed;
    }

    private long longValue(String key, long fallback, LongPredicate ok, String expected) {
        String raw = value(key);
        if (raw == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "not an integer");
        }
        if (!ok.test(parsed)) {
            throw invalid(key, raw, "must be " + expected);
        }
        return parsed;
    }

    /** A number in [0, 1]. */
    private double fraction(String key, double fallback) {
        String raw = value(key);
        if (raw == null) {
            return fallback;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "not a number");
        }
        if (!(parsed >= 0.0 && parsed <= 1.0)) {
            throw invalid(key, raw, Double.isNaN(parsed) ? "not a number" : "must be in [0, 1]");
        }
        return parsed;
    }

    private boolean bool(String key, boolean fallback) {
        String raw = value(key);
        if (raw == null) {
            return fallback;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(key, raw, "must be true or false");
    }

    private CeilingMode ceilingMode(String key, CeilingMode fallback) {
        String raw = value(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return CeilingMode.parse(raw);
        } catch (IllegalArgumentException e) {
            throw invalid(
                    key,
                    raw,
                    "must be "
                            + Arrays.stream(CeilingMode.values())
                                    .map(CeilingMode::propertyName)
                                    .collect(Collectors.joining(" or ")));
        }
    }

    private Set<FaultKind> kinds(String key, Set<FaultKind> fallback) {
        String raw = value(key);
        if (raw == null) {
            return fallback;
        }
        EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                kinds.add(FaultKind.parse(part));
            } catch (IllegalArgumentException e) {
                throw invalid(
                        key,
                        raw,
                        e.getMessage() + "; known: "
                                + Arrays.stream(FaultKind.values())
                                        .map(FaultKind::propertyName)
                                        .collect(Collectors.joining(", ")));
            }
        }
        if (kinds.isEmpty()) {
            throw invalid(key, raw, "no fault kind listed");
        }
        return kinds;
    }

    private static IllegalArgumentException invalid(String key, String raw, String why) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "invalid value '%s' for %s: %s", raw, key, why));
    }
}
