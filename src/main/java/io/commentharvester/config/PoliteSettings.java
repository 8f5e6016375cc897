package io.commentharvester.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;

/**
 * How the harvest behaves towards the site: its request rate, pauses, deadlines, proxy and cookies. Read and
 * validated with the other settings, before anything connects anywhere.
 *
 * @param maxRequestsPerSecond the cap and starting rate over all workers (0: no cap)
 * @param rateLimitPauseMs     the run-wide pause after a first rate-limit answer
 * @param rateLimitMaxPauseMs  the longest pause, when limits keep coming back
 * @param maxRateLimited       rate-limit answers a page may get before it is recorded as failed
 * @param giveUpAfterMs        a run whose every request fails in transport for this long ends (0: never)
 * @param requestDeadlineMs    the most one request may take, answer included
 * @param proxyHost            an HTTP proxy's host, or empty
 * @param proxyPort            its port (0 without a proxy)
 * @param anonymousCookies     whether to send the site's anonymous cookies as the web client does
 */
public record PoliteSettings(
        int maxRequestsPerSecond,
        long rateLimitPauseMs,
        long rateLimitMaxPauseMs,
        int maxRateLimited,
        long giveUpAfterMs,
        long requestDeadlineMs,
        String proxyHost,
        int proxyPort,
        boolean anonymousCookies) {

    public static PoliteSettings from(Function<String, String> lookup) {
        int rate = HarvestSettings.parseInt(lookup, "harvest.max-requests-per-second", 0, 10_000);
        long pause = HarvestSettings.parseInt(lookup, "harvest.rate-limit-pause-ms", 0, 3_600_000);
        long maxPause = HarvestSettings.parseInt(lookup, "harvest.rate-limit-max-pause-ms", 0, 3_600_000);
        int maxRateLimited = HarvestSettings.parseInt(lookup, "harvest.max-rate-limited", 1, 1000);
        long giveUp = HarvestSettings.parseInt(lookup, "harvest.give-up-after-ms", 0, 86_400_000);
        long deadline = HarvestSettings.parseInt(lookup, "http.request-deadline-ms", 100, 3_600_000);
        String proxy = HarvestSettings.optional(lookup, "http.proxy-url").trim();
        String host = "";
        int port = 0;
        if (!proxy.isEmpty()) {
            try {
                URI uri = new URI(proxy);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.startsWith("socks")) {
                    throw new InvalidSettingException(
                            "http.proxy-url",
                            proxy,
                            "SOCKS proxies are not supported by camel-http; give an HTTP proxy (http://host:port)");
                }
                if (!scheme.equals("http") || uri.getHost() == null || uri.getPort() <= 0) {
                    throw new InvalidSettingException("http.proxy-url", proxy, "must be http://host:port");
                }
                host = uri.getHost();
                port = uri.getPort();
            } catch (URISyntaxException e) {
                throw new InvalidSettingException("http.proxy-url", proxy, "is not a URL (" + e.getReason() + ")");
            }
        }
        boolean cookies = HarvestSettings.parseBoolean(lookup, "weapi.anonymous-cookies");
        return new PoliteSettings(
                rate, pause, Math.max(pause, maxPause), maxRateLimited, giveUp, deadline, host, port, cookies);
    }
}
