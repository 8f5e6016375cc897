package io.commentharvester.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.commentharvester.harvest.Resource;
import io.commentharvester.weapi.WeapiCrypto;

/**
 * Every harvest setting, read once and validated before anything connects anywhere.
 * Each problem becomes an {@link InvalidSettingException} naming the setting and its value.
 */
public record HarvestSettings(
        List<Resource> resources,
        int pages,
        int pageSize,
        int concurrency,
        Map<String, String> timeOrderFields,
        StoreLayout storeLayout,
        String baseUrl,
        String commentsPath,
        String rsaModulus,
        String rsaPublicExponent,
        String userAgent,
        String redisUrl,
        String keyPrefix,
        String embeddedRedisDir,
        boolean resume,
        int maxAttempts,
        long retryDelayMs,
        long retryMaxDelayMs) {

    /** The API answers at most this many comments a page. */
    public static final int MAX_PAGE_SIZE = 50;
    /** More pages than this is a typo: {@code harvest.pages=all} is how to ask for a whole thread. */
    public static final int MAX_PAGES = 100_000;
    /** The value of {@link #pages()} that stands for {@code harvest.pages=all}: every comment of a thread. */
    public static final int ALL_PAGES = 0;

    public static final int MAX_CONCURRENCY = 200;

    public static HarvestSettings from(Function<String, String> lookup) {
        List<Resource> resources =
                Resources.parse(optional(lookup, "harvest.resources"), optional(lookup, "harvest.song-ids"));
        int pages = parsePages(required(lookup, "harvest.pages"));
        int pageSize = parseInt(lookup, "harvest.page-size", 1, MAX_PAGE_SIZE);
        int concurrency = parseInt(lookup, "harvest.concurrency", 1, MAX_CONCURRENCY);
        Map<String, String> timeOrderFields =
                parseFields("weapi.time-order-fields", optional(lookup, "weapi.time-order-fields"));
        StoreLayout layout = StoreLayout.parse(required(lookup, "harvest.store-layout"));
        String baseUrl = parseBaseUrl(required(lookup, "weapi.base-url"));
        String commentsPath = required(lookup, "weapi.comments-path").trim();
        if (!commentsPath.startsWith("/")) {
            throw new InvalidSettingException("weapi.comments-path", commentsPath, "must start with /");
        }
        String modulus = required(lookup, "weapi.rsa-modulus").trim();
        String exponent = required(lookup, "weapi.rsa-public-exponent").trim();
        checkRsa(modulus, exponent);
        String redisUrl = optional(lookup, "redis.url").trim();
        if (!redisUrl.isEmpty()) {
            RedisUrl.parse(redisUrl);
        }
        String keyPrefix = required(lookup, "redis.key-prefix");
        boolean resume = parseBoolean(lookup, "harvest.resume");
        int maxAttempts = parseInt(lookup, "harvest.max-attempts", 1, 100);
        long retryDelayMs = parseInt(lookup, "harvest.retry-delay-ms", 0, 600_000);
        long retryMaxDelayMs = parseInt(lookup, "harvest.retry-max-delay-ms", 0, 3_600_000);
        return new HarvestSettings(
                resources,
                pages,
                pageSize,
                concurrency,
                timeOrderFields,
                layout,
                baseUrl,
                commentsPath,
                modulus.toLowerCase(Locale.ROOT),
                exponent.toLowerCase(Locale.ROOT),
                required(lookup, "weapi.user-agent"),
                redisUrl,
                keyPrefix,
                required(lookup, "redis.embedded-dir"),
                resume,
                maxAttempts,
                retryDelayMs,
                Math.max(retryDelayMs, retryMaxDelayMs));
    }

    public boolean embeddedRedis() {
        return redisUrl.isEmpty();
    }

    /** Whether {@code harvest.pages=all}: every thread is walked to its end. */
    public boolean allPages() {
        return pages == ALL_PAGES;
    }

    /** A {@code harvest.resources} value ({@code song:1,album:2}), as given to a call of direct:harvest. */
    public static List<Resource> parseResources(String value) {
        return Resources.parse(value, "");
    }

    /** A {@code harvest.pages} value: {@code all} (0) or a page count. */
    public static int parsePagesValue(String value) {
        return parsePages(value);
    }

    static int parsePages(String value) {
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return ALL_PAGES;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("harvest.pages", value, "must be all or a whole number of pages");
        }
        if (parsed < 1 || parsed > MAX_PAGES) {
            throw new InvalidSettingException("harvest.pages", value, "must be all or between 1 and " + MAX_PAGES);
        }
        return parsed;
    }

    /** {@code name=value,name=value}: request fields, in order; empty gives none. */
    static Map<String, String> parseFields(String key, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            String field = part.trim();
            if (field.isEmpty()) {
                continue;
            }
            int equals = field.indexOf('=');
            if (equals <= 0 || !field.substring(0, equals).trim().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidSettingException(key, value, "'" + field + "' is not name=value (e.g. orderType=1)");
            }
            fields.put(
                    field.substring(0, equals).trim(),
                    field.substring(equals + 1).trim());
        }
        return Collections.unmodifiableMap(fields);
    }

    static int parseInt(Function<String, String> lookup, String key, int min, int max) {
        required(lookup, key);
        return (int) SettingValues.wholeNumber(lookup, key, 0, min, max, "must be between " + min + " and " + max);
    }

    private static String parseBaseUrl(String value) {
        String trimmed = value.trim();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidSettingException("weapi.base-url", value, "must start with https:// or http://");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidSettingException("weapi.base-url", value, "has no host name");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidSettingException("weapi.base-url", value, "must not carry a query or fragment");
            }
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("weapi.base-url", value, "is not a URL (" + e.getReason() + ")");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static void checkRsa(String modulus, String exponent) {
        if (!modulus.matches("[0-9a-fA-F]+")) {
            throw new InvalidSettingException("weapi.rsa-modulus", abbreviate(modulus), "is not hexadecimal");
        }
        if (!exponent.matches("[0-9a-fA-F]+")) {
            throw new InvalidSettingException("weapi.rsa-public-exponent", exponent, "is not hexadecimal");
        }
        try {
            new WeapiCrypto(modulus, exponent);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("weapi.rsa-modulus", abbreviate(modulus), e.getMessage());
        }
    }

    static boolean parseBoolean(Function<String, String> lookup, String key) {
        String value = required(lookup, key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, value, "must be true or false");
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 24 ? value : value.substring(0, 20) + "...";
    }

    private static String required(Function<String, String> lookup, String key) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(key, value, "must be set");
        }
        return value;
    }

    static String optional(Function<String, String> lookup, String key) {
        String value = lookup.apply(key);
        return value == null ? "" : value;
    }
}
