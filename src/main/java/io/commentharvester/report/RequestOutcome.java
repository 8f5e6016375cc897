package io.commentharvester.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.commentharvester.polite.PoliteRequests;
import io.commentharvester.polite.RateLimits;
import io.commentharvester.util.Causes;
import io.commentharvester.weapi.CaptchaRequiredException;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

/**
 * How one request to the API ended, or why a page is tried again: the label of the request and retry meters.
 * Every failure falls in exactly one class, looked for from the outermost cause in.
 */
public enum RequestOutcome {
    /** A good answer, read to its comments. */
    OK,
    /** A rate-limit answer: API code -460, -447, 405 or 406, HTTP 429 or 503. */
    RATE_LIMITED,
    /** The site asked for a captcha (-462). */
    CAPTCHA,
    /** Another API code than 200 (bad parameters, login required, ...). */
    API_ERROR,
    /** Another HTTP status than 2xx, 429 and 503. */
    HTTP_ERROR,
    /** An answer that is not the JSON it should be (cut short, not JSON, no list). */
    MALFORMED,
    /** No answer in time: connect or response timeout, or the request's deadline (socket timeouts). */
    TIMEOUT,
    /** No answer at all: refused, reset, unknown host, TLS. */
    TRANSPORT,
    /** Redis did not take a page's write (a retry cause only: no request is involved). */
    REDIS,
    /** Anything else. */
    OTHER;

    /** The label value: {@code rate-limited}, {@code ok}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The outcome of a failure (null: {@link #OK}); null when no request went out because the run is stopping.
     */
    public static RequestOutcome of(Throwable failure) {
        if (failure == null) {
            return OK;
        }
        if (Causes.find(failure, PoliteRequests.RunStoppedException.class) != null) {
            return null;
        }
        if (RateLimits.isRateLimit(failure)) {
            return RATE_LIMITED;
        }
        if (Causes.find(failure, CaptchaRequiredException.class) != null) {
            return CAPTCHA;
        }
        if (Causes.find(failure, WeapiApiException.class) != null) {
            return API_ERROR;
        }
        if (Causes.find(failure, HttpOperationFailedException.class) != null) {
            return HTTP_ERROR;
        }
        if (Causes.find(failure, MalformedAnswerException.class) != null
                || Causes.find(failure, JsonProcessingException.class) != null) {
            return MALFORMED;
        }
        if (Causes.find(failure, DataAccessException.class) != null) {
            return REDIS;
        }
        if (Causes.find(failure, InterruptedIOException.class) != null) {
            return TIMEOUT;
        }
        if (Causes.find(failure, IOException.class) != null) {
            return TRANSPORT;
        }
        return OTHER;
    }
}
