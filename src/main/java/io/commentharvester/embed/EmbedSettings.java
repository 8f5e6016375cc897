package io.commentharvester.embed;

import java.util.Set;
import java.util.function.Function;

import io.commentharvester.config.SettingValues;

/**
 * Settings of an embedded harvester: {@code harvest.run-at-start=false} leaves the configured harvest unstarted, so
 * that harvests run only when {@code direct:harvest}, a route template instance or the kamelet asks for one.
 */
public record EmbedSettings(boolean runAtStart) {

    public static final String RUN_AT_START = "harvest.run-at-start";
    public static final Set<String> KEYS = Set.of(RUN_AT_START);
    /** What starts the configured harvest when it does not run at start: nothing calls it unless you do. */
    public static final String ON_DEMAND_TRIGGER = "direct:harvest-configured";

    public static EmbedSettings from(Function<String, String> lookup) {
        return new EmbedSettings(SettingValues.bool(lookup, RUN_AT_START, true));
    }

    /** The harvest-comments route's trigger: the configured one, or one that waits for a call. */
    public String triggerUri(String configured) {
        return runAtStart ? configured : ON_DEMAND_TRIGGER;
    }
}
