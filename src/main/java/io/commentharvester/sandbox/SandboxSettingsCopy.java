package io.commentharvester.sandbox;

import java.util.Set;

/** The components of a copy of {@link SandboxSettings}, changed one at a time by its {@code with...} methods. */
final class SandboxSettingsCopy {

    int port;
    int commentsPerThread;
    long latencyMs;
    long jitterMs;
    double faultRate;
    int maxFaultsPerPage;
    long seed;
    long hangMs;
    Set<FaultKind> faultKinds;
    int offsetCeiling;
    String keyFile;
    CeilingMode ceilingMode;
    double sameTimeShare;
    boolean orderTypeEffective;
    int rateLimit;
    long penaltyMs;
    boolean requireCookies;
    double replyShare;
    double oddShare;
    int hideNewest;

    SandboxSettingsCopy(SandboxSettings s) {
        port = s.port();
        commentsPerThread = s.commentsPerThread();
        latencyMs = s.latencyMs();
        jitterMs = s.jitterMs();
        faultRate = s.faultRate();
        maxFaultsPerPage = s.maxFaultsPerPage();
        seed = s.seed();
        hangMs = s.hangMs();
        faultKinds = s.faultKinds();
        offsetCeiling = s.offsetCeiling();
        keyFile = s.keyFile();
        ceilingMode = s.ceilingMode();
        sameTimeShare = s.sameTimeShare();
        orderTypeEffective = s.orderTypeEffective();
        rateLimit = s.rateLimit();
        penaltyMs = s.penaltyMs();
        requireCookies = s.requireCookies();
        replyShare = s.replyShare();
        oddShare = s.oddShare();
        hideNewest = s.hideNewest();
    }

    /** The copy, checked as any {@link SandboxSettings} is. */
    SandboxSettings settings() {
        return new SandboxSettings(
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
                ceilingMode,
                sameTimeShare,
                orderTypeEffective,
                rateLimit,
                penaltyMs,
                requireCookies,
                replyShare,
                oddShare,
                hideNewest);
    }
}
