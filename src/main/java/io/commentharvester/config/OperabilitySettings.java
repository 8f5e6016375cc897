package io.commentharvester.config;

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
        String interval = SettingValues.text(lookup, PROGRESS_INTERVAL_MS, "5000");
        long intervalMs;
        try {
            intervalMs = Long.parseLong(interval);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(PROGRESS_INTERVAL_MS, interval, "is not a whole number of milliseconds");
        }
        if (intervalMs < 0 || intervalMs > 3_600_000) {
            throw new InvalidSettingException(PROGRESS_INTERVAL_MS, interval, "must be 0 (off) to 3600000 (an hour)");
        }
        boolean observe = SettingValues.bool(lookup, OBSERVE, false);
        String port = SettingValues.text(lookup, OBSERVE_PORT, "9876");
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(OBSERVE_PORT, port, "is not a port number");
        }
        if (portNumber < 1 || portNumber > 65_535) {
            throw new InvalidSettingException(OBSERVE_PORT, port, "must be between 1 and 65535");
        }
        return new OperabilitySettings(intervalMs, observe, portNumber);
    }
}
