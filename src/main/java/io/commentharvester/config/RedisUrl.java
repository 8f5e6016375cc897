package io.commentharvester.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code redis://[user:password@]host:port/db} or {@code rediss://...} for TLS.
 * {@link #toString()} never shows the password.
 */
public record RedisUrl(boolean tls, String host, int port, int database, String username, String password) {

    public static final String KEY = "redis.url";

    public static RedisUrl parse(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(KEY, redact(value), "is not a redis:// URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new InvalidSettingException(KEY, redact(value), "must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidSettingException(KEY, redact(value), "has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // nothing after the database is read: refuse it rather than drop an option the user meant
            throw new InvalidSettingException(
                    KEY,
                    redact(value),
                    "takes no ?query or #fragment (give the password in redis.password or redis.password-file,"
                            + " TLS with rediss://)");
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            String db = path.substring(1);
            if (!db.matches("[0-9]{1,2}")) {
                throw new InvalidSettingException(KEY, redact(value), "database must be a number such as /0");
            }
            database = Integer.parseInt(db);
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            // split before decoding, so an encoded ':' (%3A) stays in the password
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = decode(userInfo);
            } else {
                username = colon == 0 ? null : decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
        }
        return new RedisUrl(scheme.equals("rediss"), uri.getHost(), port, database, username, password);
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redact(String value) {
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        // everything before the last @ (after any scheme) may be credentials, whatever characters they hold
        int scheme = value.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return value.substring(0, start) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (password != null ? "***@" : "") + host + ":" + port + "/" + database;
    }

    /** Percent-decoding of a URL part; unlike form decoding, '+' stays '+'. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
