package io.commentharvester.config;

import java.util.function.Function;

/**
 * Whether this process shares its harvest with others through Redis ({@code harvest.distributed}), and how long a
 * work unit may sit unacknowledged on a consumer before the others claim it ({@code harvest.claim-idle-ms}).
 */
public record ClusterSettings(boolean distributed, long claimIdleMs) {

    public static final String DISTRIBUTED = "harvest.distributed";
    public static final String CLAIM_IDLE_MS = "harvest.claim-idle-ms";

    /** Below this a live harvester's heartbeat could not keep its units. */
    static final long MIN_CLAIM_IDLE_MS = 300;

    public static ClusterSettings from(Function<String, String> lookup) {
        boolean on = SettingValues.bool(lookup, DISTRIBUTED, false);
        long claimIdleMs = SettingValues.wholeNumber(
                lookup,
                CLAIM_IDLE_MS,
                30_000,
                MIN_CLAIM_IDLE_MS,
                3_600_000,
                "must be between " + MIN_CLAIM_IDLE_MS + " and 3600000");
        if (on && SettingValues.text(lookup, "redis.url", "").isEmpty()) {
            throw new InvalidSettingException(
                    DISTRIBUTED,
                    "true",
                    "needs redis.url (the embedded Redis is this process's own and cannot be shared)");
        }
        if (on && !SettingValues.text(lookup, "harvest.pages", "").equalsIgnoreCase("all")) {
            throw new InvalidSettingException(
                    DISTRIBUTED,
                    "true",
                    "shares the walk of whole threads: set harvest.pages=all (the newest N pages are one chain of"
                            + " cursors, for one harvester)");
        }
        return new ClusterSettings(on, claimIdleMs);
    }
}
