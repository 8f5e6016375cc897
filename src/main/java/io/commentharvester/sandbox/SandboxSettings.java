package io.commentharvester.sandbox;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Configuration of the {@link SandboxServer}.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free port
 * @param commentsPerThread  comments in every thread; 0 derives the count from the thread id (150..600)
 * @param latencyMs          fixed delay before every answer
 * @param jitterMs           extra uniform delay in [0, jitterMs] before every answer
 * @param faultRate          probability in [0, 1] that an attempt at a page gets a fault
 * @param maxFaultsPerPage   at most this many random faults per page (thread id + offset or cursor)
 * @param seed               seed of the fault decisions
 * @param hangMs             how long a {@link FaultKind#HANG} stalls before answering
 * @param faultKinds         the kinds that may be injected (an immutable copy is kept); null = {@link
 *                           FaultKind#defaults()}, every kind but the captcha
 * @param offsetCeiling      offset paging reaches only the rows below this; 0 = no ceiling
 * @param keyFile            RSA key file (loaded, or created when missing); null or empty = generate per start
 * @param ceilingMode        what offset paging gets at or past the ceiling
 * @param sameTimeShare      share in [0, 1] of comments posted in the same millisecond as the next newer one
 * @param orderTypeEffective whether the new API's {@code orderType} 1/2/3 selects recommended/hot/time order; false
 *                           (the site as reported): it has no effect and the list is in time order
 * @param rateLimit          requests a second over all clients before the site-like penalty; 0 = no limit
 * @param penaltyMs          how long every request is refused after the rate limit was passed
 * @param requireCookies     whether requests without a {@code _ntes_nuid} or {@code NMTID} cookie get -460
 * @param replyShare         share in [0, 1] of comments with replies (1 to 300, served by the floor endpoint)
 * @param oddShare           share in [0, 1] of comments of odd shapes (see {@link OddShapes})
 * @param hideNewest         the newest this many comments of every thread are not served (yet): lowering it later
 *                           (see {@link SandboxServer#setHideNewest}) makes every thread grow; 0 = none hidden
 */
public record SandboxSettings(
        int port,
        int commentsPerThread,
        long latencyMs,
        long jitterMs,
        double faultRate,
        int maxFaultsPerPage,
        long seed,
        long hangMs,
        Set<FaultKind> faultKinds,
        int offsetCeiling,
        String keyFile,
        CeilingMode ceilingMode,
        double sameTimeShare,
        boolean orderTypeEffective,
        int rateLimit,
        long penaltyMs,
        boolean requireCookies,
        double replyShare,
        double oddShare,
        int hideNewest) {

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
    public static final String CEILING_MODE = PREFIX + "ceiling-mode";
    public static final String SAME_TIME_SHARE = PREFIX + "same-time-share";
    public static final String ORDER_TYPE_EFFECTIVE = PREFIX + "order-type-effective";
    public static final String RATE_LIMIT = PREFIX + "rate-limit";
    public static final String PENALTY_MS = PREFIX + "penalty-ms";
    public static final String REQUIRE_COOKIES = PREFIX + "require-cookies";
    public static final String REPLY_SHARE = PREFIX + "reply-share";
    public static final String ODD_SHARE = PREFIX + "odd-share";
    public static final String HIDE_NEWEST = PREFIX + "hide-newest";
    /** Share of comments with replies unless set. */
    public static final double DEFAULT_REPLY_SHARE = 0.05;

    public SandboxSettings {
        check(port >= 0 && port <= 65535, "port must be 0..65535: " + port);
        check(commentsPerThread >= 0, "commentsPerThread must be >= 0: " + commentsPerThread);
        check(latencyMs >= 0, "latencyMs must be >= 0: " + latencyMs);
        check(jitterMs >= 0, "jitterMs must be >= 0: " + jitterMs);
        check(faultRate >= 0.0 && faultRate <= 1.0, "faultRate must be in [0, 1]: " + faultRate);
        check(maxFaultsPerPage >= 0, "maxFaultsPerPage must be >= 0: " + maxFaultsPerPage);
        check(hangMs >= 0, "hangMs must be >= 0: " + hangMs);
        check(offsetCeiling >= 0, "offsetCeiling must be >= 0: " + offsetCeiling);
        check(sameTimeShare >= 0.0 && sameTimeShare <= 1.0, "sameTimeShare must be in [0, 1]: " + sameTimeShare);
        check(rateLimit >= 0, "rateLimit must be >= 0: " + rateLimit);
        check(penaltyMs >= 0, "penaltyMs must be >= 0: " + penaltyMs);
        check(replyShare >= 0.0 && replyShare <= 1.0, "replyShare must be in [0, 1]: " + replyShare);
        check(oddShare >= 0.0 && oddShare <= 1.0, "oddShare must be in [0, 1]: " + oddShare);
        check(hideNewest >= 0, "hideNewest must be >= 0: " + hideNewest);
        // null means the default kinds; an empty set is kept (then no random fault can be injected)
        if (faultKinds == null) {
            faultKinds = FaultKind.defaults();
        } else {
            EnumSet<FaultKind> copy = EnumSet.noneOf(FaultKind.class);
            copy.addAll(faultKinds);
            faultKinds = Collections.unmodifiableSet(copy);
        }
        keyFile = keyFile == null || keyFile.isBlank() ? null : keyFile.trim();
        ceilingMode = ceilingMode == null ? CeilingMode.EMPTY : ceilingMode;
    }

    /** The settings of before the site-like options: ceiling mode empty, no same-ms comments, orderType effective
     *  false, no rate limit (penalty 2000 ms), no cookies required. */
    public SandboxSettings(
            int port,
            int commentsPerThread,
            long latencyMs,
            long jitterMs,
            double faultRate,
            int maxFaultsPerPage,
            long seed,
            long hangMs,
            Set<FaultKind> faultKinds,
            int offsetCeiling,
            String keyFile) {
        this(
                port,
                commentsPerThread,
                latencyMs,
                jitterMs,
                faultRate,
                maxFaultsPerPage,
                seed,
                hangMs,
                faultKinds,
                offsetCeiling,
                keyFile,
                CeilingMode.EMPTY,
                0.0,
                false,
                0,
                2_000,
                false,
                DEFAULT_REPLY_SHARE,
                0.0,
                0);
    }

    /**
     * Port 0, derived comment counts, no latency, no faults (rate 0, at most 2 a page, seed 42, the default kinds:
     * all but the captcha), 30 s hangs, no
     * offset ceiling (mode empty), no comments sharing a millisecond, orderType without effect, no rate limit
     * (penalty 2000 ms), no cookies required.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(0, 0, 0, 0, 0.0, 2, 42, 30_000, FaultKind.defaults(), 0, null);
    }

    /**
     * Reads the {@code sandbox.*} keys through {@code lookup}; a missing or blank value keeps the default.
     *
     * @throws IllegalArgumentException naming the key and the value when a value does not parse or is out of range
     */
    public static SandboxSettings fromProperties(Function<String, String> lookup) {
        return SandboxSettingsReader.read(lookup, defaults());
    }

    public SandboxSettings withPort(int value) {
        return with(b -> b.port = value);
    }

    public SandboxSettings withCommentsPerThread(int value) {
        return with(b -> b.commentsPerThread = value);
    }

    public SandboxSettings withLatencyMs(long value) {
        return with(b -> b.latencyMs = value);
    }

    public SandboxSettings withJitterMs(long value) {
        return with(b -> b.jitterMs = value);
    }

    public SandboxSettings withFaultRate(double value) {
        return with(b -> b.faultRate = value);
    }

    public SandboxSettings withMaxFaultsPerPage(int value) {
        return with(b -> b.maxFaultsPerPage = value);
    }

    public SandboxSettings withSeed(long value) {
        return with(b -> b.seed = value);
    }

    public SandboxSettings withHangMs(long value) {
        return with(b -> b.hangMs = value);
    }

    public SandboxSettings withFaultKinds(Set<FaultKind> value) {
        return with(b -> b.faultKinds = value);
    }

    public SandboxSettings withFaultKinds(FaultKind first, FaultKind... rest) {
        return withFaultKinds(EnumSet.of(first, rest));
    }

    public SandboxSettings withOffsetCeiling(int value) {
        return with(b -> b.offsetCeiling = value);
    }

    public SandboxSettings withKeyFile(String value) {
        return with(b -> b.keyFile = value);
    }

    public SandboxSettings withCeilingMode(CeilingMode value) {
        return with(b -> b.ceilingMode = value);
    }

    public SandboxSettings withSameTimeShare(double value) {
        return with(b -> b.sameTimeShare = value);
    }

    public SandboxSettings withOrderTypeEffective(boolean value) {
        return with(b -> b.orderTypeEffective = value);
    }

    public SandboxSettings withRateLimit(int value) {
        return with(b -> b.rateLimit = value);
    }

    public SandboxSettings withPenaltyMs(long value) {
        return with(b -> b.penaltyMs = value);
    }

    public SandboxSettings withRequireCookies(boolean value) {
        return with(b -> b.requireCookies = value);
    }

    public SandboxSettings withReplyShare(double value) {
        return with(b -> b.replyShare = value);
    }

    public SandboxSettings withOddShare(double value) {
        return with(b -> b.oddShare = value);
    }

    public SandboxSettings withHideNewest(int value) {
        return with(b -> b.hideNewest = value);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private SandboxSettings with(Consumer<SandboxSettingsCopy> change) {
        SandboxSettingsCopy copy = new SandboxSettingsCopy(this);
        change.accept(copy);
        return copy.settings();
    }
}
