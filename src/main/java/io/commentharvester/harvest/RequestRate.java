package io.commentharvester.harvest;

/** The cap on requests per second across all workers (harvest.max-requests-per-second; 0 = no cap). */
public class RequestRate {

    private final int maxPerSecond;

    public RequestRate(int maxPerSecond) {
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException("maxPerSecond must be >= 0");
        }
        this.maxPerSecond = maxPerSecond;
    }

    /** Whether requests are throttled at all. */
    public boolean isLimited() {
        return maxPerSecond > 0;
    }

    /** Requests allowed in each one-second period, for the throttle EIP (only used when limited). */
    public int requestsPerSecond() {
        return maxPerSecond;
    }
}
