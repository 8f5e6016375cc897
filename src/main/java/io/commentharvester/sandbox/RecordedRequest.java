package io.commentharvester.sandbox;

import java.util.Map;

/**
 * One request the sandbox answered.
 *
 * @param method          HTTP method
 * @param path            request path
 * @param query           raw query string, null when there was none
 * @param innerJson       the decrypted request text, null when it did not decrypt
 * @param encSecKeyLength number of characters of the encSecKey form field (0 when absent)
 * @param outcome         how it was answered: {@code ok}, {@code bad-request}, {@code not-found},
 *                        {@code rate-limited}, {@code no-cookies} or a {@link FaultKind#propertyName() fault name}
 * @param headers         request headers, names lower-cased, repeated values joined with ", "; as sent, the
 *                        {@code cookie} header included, for tests in the same JVM (the stats endpoint's JSON never
 *                        shows cookie values)
 * @param cookies         whether cookies came, whether the site's anonymous ones among them, and their names
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        String innerJson,
        int encSecKeyLength,
        String outcome,
        Map<String, String> headers,
        RequestCookies cookies) {

    public RecordedRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        cookies = cookies == null ? RequestCookies.NONE : cookies;
    }
}
