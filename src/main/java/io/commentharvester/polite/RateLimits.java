package io.commentharvester.polite;

import java.util.Set;

import org.apache.camel.http.base.HttpOperationFailedException;

import io.commentharvester.util.Causes;
import io.commentharvester.weapi.WeapiApiException;

/** Which answers say that the address asks too much: they concern the whole run, not the page. */
public final class RateLimits {

    /** API codes of rate limits: -460 "Cheating", 405/406 "too frequent", -447 "server busy". */
    public static final Set<Integer> API_CODES = Set.of(-460, -447, 405, 406);
    /** HTTP statuses of rate limits. */
    public static final Set<Integer> HTTP_STATUSES = Set.of(429, 503);

    private RateLimits() {}

    /** What the answer said, when the failure is a rate limit; null otherwise. */
    public static String describe(Throwable failure) {
        for (Throwable t : Causes.chain(failure)) {
            if (t instanceof WeapiApiException api && API_CODES.contains(api.code())) {
                return "API code " + api.code();
            }
            if (t instanceof HttpOperationFailedException http && HTTP_STATUSES.contains(http.getStatusCode())) {
                return "HTTP " + http.getStatusCode();
            }
        }
        return null;
    }

    public static boolean isRateLimit(Throwable failure) {
        return describe(failure) != null;
    }
}
