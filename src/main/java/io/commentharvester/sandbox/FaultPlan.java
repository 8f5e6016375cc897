package io.commentharvester.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which attempts at a page get a fault. A page is a thread id plus a page key (its offset, or its cursor
 * in time order). The n-th attempt at a page gets a fault when a hash of (seed, thread id, page key, n) falls
 * below the fault rate, as long as the page has had fewer than {@code maxFaultsPerPage} faults; the kind is picked
 * by the same hash among the enabled kinds. So a client that retries a page eventually gets it, and a given
 * sequence of requests meets the same faults on every run with the same seed.
 * <p>
 * Permanent faults ({@link SandboxServer#failPageAlways}) come first and are not bounded.
 */
final class FaultPlan {

    private final long seed;
    private final int maxFaultsPerPage;
    private final List<FaultKind> kinds;
    private volatile double rate;
    private final Map<String, PageState> pages = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, FaultKind>> permanent = new ConcurrentHashMap<>();

    FaultPlan(SandboxSettings settings) {
        this.seed = settings.seed();
        this.maxFaultsPerPage = settings.maxFaultsPerPage();
        this.kinds = List.copyOf(settings.faultKinds());
        this.rate = settings.faultRate();
    }

    double rate() {
        return rate;
    }

    void setRate(double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("fault rate must be in [0, 1]: " + rate);
        }
        this.rate = rate;
    }

    void failAlways(String threadId, int pageNo, FaultKind kind) {
        permanent.computeIfAbsent(threadId, id -> new ConcurrentHashMap<>()).put(pageNo, kind);
    }

    void clearPermanent() {
        permanent.clear();
    }

    /**
     * The fault for this attempt, or null to answer normally.
     *
     * @param pageNo the request's page number (its {@code pageNo}, else its offset in pages), to match permanent
     *               faults given by page number; 0 when it has none
     */
    FaultKind decide(String threadId, String pageKey, int pageNo) {
        Map<Integer, FaultKind> always = permanent.get(threadId);
        if (always != null && pageNo > 0) {
            FaultKind kind = always.get(pageNo);
            if (kind != null) {
                return kind;
            }
        }
        PageState state = pages.computeIfAbsent(threadId + '\u0000' + pageKey, key -> new PageState());
        double currentRate = rate;
        synchronized (state) {
            int attempt = state.attempts++;
            if (currentRate <= 0.0 || kinds.isEmpty() || state.faults >= maxFaultsPerPage) {
                return null;
            }
            long h = CommentCorpus.mix(seed ^ CommentCorpus.hash(threadId));
            h = CommentCorpus.mix(h ^ CommentCorpus.hash(pageKey));
            h = CommentCorpus.mix(h + attempt * 0x9e3779b97f4a7c15L);
            double draw = (h >>> 11) * 0x1.0p-53;
            if (draw >= currentRate) {
                return null;
            }
            state.faults++;
            return kinds.get((int) Long.remainderUnsigned(CommentCorpus.mix(h ^ 0x632be59bd9b4e019L), kinds.size()));
        }
    }

    private static final class PageState {
        int attempts;
        int faults;
    }
}
