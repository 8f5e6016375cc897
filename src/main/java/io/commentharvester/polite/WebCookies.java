package io.commentharvester.polite;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Cookie header every request carries, as the site's page and the reference clients send it: anonymous
 * cookies made once per run (a random {@code _ntes_nuid} and {@code NMTID}, and {@code os=pc}), merged with the
 * user's own cookie ({@code weapi.cookie}), whose values win. Requests without such cookies are among the reported
 * causes of {@code -460}. The header is a secret: it is never logged.
 */
public final class WebCookies {

    private final String header;
    private final String csrfToken;

    private WebCookies(String header, String csrfToken) {
        this.header = header;
        this.csrfToken = csrfToken;
    }

    /**
     * @param userCookie the user's Cookie header (may be empty)
     * @param csrfToken  the configured csrf token; when empty, the user's {@code __csrf} cookie is used
     * @param anonymous  whether to add the anonymous cookies
     */
    public static WebCookies of(String userCookie, String csrfToken, boolean anonymous, SecureRandom random) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (anonymous) {
            cookies.put("_ntes_nuid", hex(random, 16));
            cookies.put("NMTID", "00O" + hex(random, 16));
            cookies.put("os", "pc");
        }
        cookies.putAll(parse(userCookie == null ? "" : userCookie));
        String token = csrfToken == null || csrfToken.isEmpty() ? cookies.getOrDefault("__csrf", "") : csrfToken;
        String header = cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return new WebCookies(header, token);
    }

    /** The Cookie header; empty when there is none. */
    public String header() {
        return header;
    }

    /** The csrf_token to send: the configured one, else the {@code __csrf} cookie's value, else empty. */
    public String csrfToken() {
        return csrfToken;
    }

    static Map<String, String> parse(String cookie) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String part : cookie.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                cookies.put(
                        part.substring(0, equals).trim(),
                        part.substring(equals + 1).trim());
            }
        }
        return cookies;
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public String toString() {
        return "WebCookies[" + (header.isEmpty() ? "none" : "***") + "]";
    }
}
