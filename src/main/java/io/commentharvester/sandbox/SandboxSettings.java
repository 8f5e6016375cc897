package io.commentharvester.sandbox;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Configuration of the {@link SandboxServer}.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free port
 * @param commentsPerThread comments in every thread; 0 derives the count from the thread id (150..600)
 * @param latencyMs         fixed delay before every answer
 * @param jitterMs          extra uniform delay in [0, jitterMs] before every answer
 * @param faultRate         probability in [0, 1] that an attempt at a page gets a fault
 * @param maxFaultsPerPage  at most this many random faults per page (thread id + offset or cursor)
 * @param seed              seed of the fault decisions
 * @param hangMs            how long a {@link FaultKind#HANG} stalls before answering
 * @param faultKinds        the kinds that may be injected (an immutable copy is kept)
 * @param offsetCeiling     rows at an offset at or past this come back empty; 0 = no ceiling
 * @param keyFile           RSA key file (loaded, or created when missing); null or empty = generate per start
 */
public record SandboxSettings(int port, int commentsPerThread, long latencyMs, long jitterMs, double faultRate,
        int maxFaultsPerPage, long seed, long hangMs, Set<FaultKind> faultKinds, int offsetCeiling, String keyFile) {

    public static final String PREFIX = "sandbox.";
    public static final String PORT = PREFIX + "port";
    public static final String COMMENTS_PER_THREAD = PREFIX + "comments-per-thread";
    public static final String LATENCY_MS = PREFIX + "latency-ms";
    public static final String JITTER_MS = PREFIX + "jitter-ms";
    public static final String FAULT_RATE = PREFIX + "fault-rate";
    public static final String MAX_FAULTS_PER_PAGE = PREFIX + "max-faults-per-page";
    public static final String SEED = PREFIX + "seed";
    public static final String HANG_MS = PREFIX + "hang-ms";
    public static final String FAULT_KINDS = PREFIX + "fault-kinds";
    public static final String OFFSET_CEILING = PREFIX + "offset-ceiling";
    public static final String KEY_FILE = PREFIX + "key-file";
    /** Every sandbox setting. */
    public static final Set<String> KEYS = Set.of(PORT, COMMENTS_PER_THREAD, LATENCY_MS, JITTER_MS, FAULT_RATE,
            MAX_FAULTS_PER_PAGE, SEED, HANG_MS, FAULT_KINDS, OFFSET_CEILING, KEY_FILE);

    public SandboxSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (commentsPerThread < 0) {
            throw new IllegalArgumentException("commentsPerThread must be >= 0: " + commentsPerThread);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0: " + latencyMs);
        }
        if (jitterMs < 0) {
            throw new IllegalArgumentException("jitterMs must be >= 0: " + jitterMs);
        }
        if (!(faultRate >= 0.0 && faultRate <= 1.0)) {
            throw new IllegalArgumentException("faultRate must be in [0, 1]: " + faultRate);
        }
        if (maxFaultsPerPage < 0) {
            throw new IllegalArgumentException("maxFaultsPerPage must be >= 0: " + maxFaultsPerPage);
        }
        if (hangMs < 0) {
            throw new IllegalArgumentException("hangMs must be >= 0: " + hangMs);
        }
        if (offsetCeiling < 0) {
            throw new IllegalArgumentException("offsetCeiling must be >= 0: " + offsetCeiling);
        }
        // null means "all kinds"; an empty set is kept (then no random fault can be injected)
        if (faultKinds == null) {
            faultKinds = allKinds();
        } else {
            EnumSet<FaultKind> copy = EnumSet.noneOf(FaultKind.class);
            copy.addAll(faultKinds);
            faultKinds = Collections.unmodifiableSet(copy);
        }
        keyFile = keyFile == null || keyFile.isBlank() ? null : keyFile.trim();
    }

    /** Port 0, derived comment counts, no latency, no faults (rate 0, at most 2 a page, seed 42), 30 s hangs. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(0, 0, 0, 0, 0.0, 2, 42, 30_000, allKinds(), 0, null);
    }

    /**
     * Reads the {@code sandbox.*} keys through {@code lookup}; a missing or blank value keeps the default.
     *
     * @throws IllegalArgumentException naming the key and the value when a value does not parse or is out of range
     */
    public static SandboxSettings fromProperties(Function<String, String> lookup) {
        SandboxSettings d = defaults();
        int port = intValue(lookup, PORT, d.port());
        int comments = intValue(lookup, COMMENTS_PER_THREAD, d.commentsPerThread());
        long latency = longValue(lookup, LATENCY_MS, d.latencyMs());
        long jitter = longValue(lookup, JITTER_MS, d.jitterMs());
        double rate = doubleValue(lookup, FAULT_RATE, d.faultRate());
        int maxFaults = intValue(lookup, MAX_FAULTS_PER_PAGE, d.maxFaultsPerPage());
        long seed = longValue(lookup, SEED, d.seed());
        long hang = longValue(lookup, HANG_MS, d.hangMs());
        Set<FaultKind> kinds = kindsValue(lookup, FAULT_KINDS, d.faultKinds());
        int ceiling = intValue(lookup, OFFSET_CEILING, d.offsetCeiling());
        String keyFile = value(lookup, KEY_FILE);

        checkRange(PORT, port, port >= 0 && port <= 65535, "0..65535");
        checkRange(COMMENTS_PER_THREAD, comments, comments >= 0, ">= 0");
        checkRange(LATENCY_MS, latency, latency >= 0, ">= 0");
        checkRange(JITTER_MS, jitter, jitter >= 0, ">= 0");
        checkRange(FAULT_RATE, rate, rate >= 0.0 && rate <= 1.0, "in [0, 1]");
        checkRange(MAX_FAULTS_PER_PAGE, maxFaults, maxFaults >= 0, ">= 0");
        checkRange(HANG_MS, hang, hang >= 0, ">= 0");
        checkRange(OFFSET_CEILING, ceiling, ceiling >= 0, ">= 0");
        return new SandboxSettings(port, comments, latency, jitter, rate, maxFaults, seed, hang, kinds, ceiling,
                keyFile);
    }

    public SandboxSettings withPort(int value) {
        return new SandboxSettings(value, commentsPerThread, latencyMs, jitterMs, faultRate, maxFaultsPerPage, seed,
                hangMs, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withCommentsPerThread(int value) {
        return new SandboxSettings(port, value, latencyMs, jitterMs, faultRate, maxFaultsPerPage, seed,
                hangMs, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withLatencyMs(long value) {
        return new SandboxSettings(port, commentsPerThread, value, jitterMs, faultRate, maxFaultsPerPage, seed,
                hangMs, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withJitterMs(long value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, value, faultRate, maxFaultsPerPage, seed,
                hangMs, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withFaultRate(double value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, jitterMs, value, maxFaultsPerPage, seed,
                hangMs, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withMaxFaultsPerPage(int value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, jitterMs, faultRate, value, seed,
                hangMs, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withSeed(long value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, jitterMs, faultRate, maxFaultsPerPage, value,
                hangMs, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withHangMs(long value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, jitterMs, faultRate, maxFaultsPerPage, seed,
                value, faultKinds, offsetCeiling, keyFile);
    }

    public SandboxSettings withFaultKinds(Set<FaultKind> value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, jitterMs, faultRate, maxFaultsPerPage, seed,
                hangMs, value, offsetCeiling, keyFile);
    }

    public SandboxSettings withFaultKinds(FaultKind first, FaultKind... rest) {
        return withFaultKinds(EnumSet.of(first, rest));
    }

    public SandboxSettings withOffsetCeiling(int value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, jitterMs, faultRate, maxFaultsPerPage, seed,
                hangMs, faultKinds, value, keyFile);
    }

    public SandboxSettings withKeyFile(String value) {
        return new SandboxSettings(port, commentsPerThread, latencyMs, jitterMs, faultRate, maxFaultsPerPage, seed,
                hangMs, faultKinds, offsetCeiling, value);
    }

    private static Set<FaultKind> allKinds() {
        return Collections.unmodifiableSet(EnumSet.allOf(FaultKind.class));
    }

    private static String value(Function<String, String> lookup, String key) {
        String raw = lookup.apply(key);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    private static int intValue(Function<String, String> lookup, String key, int fallback) {
        String raw = value(lookup, key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "not an integer");
        }
    }

    private static long longValue(Function<String, String> lookup, String key, long fallback) {
        String raw = value(lookup, key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "not an integer");
        }
    }

    private static double doubleValue(Function<String, String> lookup, String key, double fallback) {
        String raw = value(lookup, key);
        if (raw == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(raw);
            if (Double.isNaN(parsed)) {
                throw invalid(key, raw, "not a number");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "not a number");
        }
    }

    private static Set<FaultKind> kindsValue(Function<String, String> lookup, String key, Set<FaultKind> fallback) {
        String raw = value(lookup, key);
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
                throw invalid(key, raw, e.getMessage() + "; known: http-503, hang, truncated-json, cheating, "
                        + "too-frequent");
            }
        }
        if (kinds.isEmpty()) {
            throw invalid(key, raw, "no fault kind listed");
        }
        return kinds;
    }

    private static void checkRange(String key, Object value, boolean ok, String expected) {
        if (!ok) {
            throw invalid(key, String.valueOf(value), "must be " + expected);
        }
    }

    private static IllegalArgumentException invalid(String key, String raw, String why) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "invalid value '%s' for %s: %s", raw, key, why));
    }
}
