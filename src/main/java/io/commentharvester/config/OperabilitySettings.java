package io.commentharvester.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * What a person or a platform sees of a run while it goes: the progress (a bar on a terminal, an INFO line every
 * {@code progressIntervalMs} otherwise) and, opt in, Camel's management server with health and metrics.
 *
 * @param progressIntervalMs how often a progress line is logged when the output is not a terminal; 0 = no progress
 * @param observe            start the management server ({@code /observe/health}, {@code /observe/metrics})
 * @param observePort        its port, on 127.0.0.1
 */
public record OperabilitySettings(long progressIntervalMs, boolean observe, int observePort) {

    public static final String PROGRESS_INTERVAL_MS = "harvest.progress-interval-ms";
    public static final String OBSERVE = "harvest.observe";
    public static final String OBSERVE_PORT = "harvest.observe-port";

    public static OperabilitySettings from(Function<String, String> lookup) {
        String interval = value(lookup, PROGRESS_INTERVAL_MS, "5000");
        long intervalMs;
        try {
            intervalMs = Long.parseLong(interval);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(PROGRESS_INTERVAL_MS, interval, "is not a whole number of milliseconds");
        }
        if (intervalMs < 0 || intervalMs > 3_600_000) {
            throw new InvalidSettingException(PROGRESS_INTERVAL_MS, interval, "must be 0 (off) to 3600000 (an hour)");
        }
        String observe = value(lookup, OBSERVE, "false").toLowerCase(Locale.ROOT);
        if (!observe.equals("true") && !observe.equals("false")) {
            throw new InvalidSettingException(OBSERVE, observe, "must be true or false");
        }
        String port = value(lookup, OBSERVE_PORT, "9876");
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(OBSERVE_PORT, port, "is not a port number");
        }
        if (portNumber < 1 || portNumber > 65_535) {
            throw new InvalidSettingException(OBSERVE_PORT, port, "must be between 1 and 65535");
        }
        return new OperabilitySettings(intervalMs, observe.equals("true"), portNumber);
    }

    private static String value(Function<String, String> lookup, String key, String absent) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? absent : value.trim();
    }
}
