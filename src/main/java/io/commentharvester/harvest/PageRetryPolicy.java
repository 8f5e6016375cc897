package io.commentharvester.harvest;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;

import io.commentharvester.polite.PoliteRequests;
import io.commentharvester.util.Causes;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

/**
 * Decides whether a failed page is worth another attempt: transient faults are, answers that cannot
 * improve (bad parameters, login required, not found, a captcha) are not.
 */
public class PageRetryPolicy {

    private final int maxAttempts;
    private final HarvestRun run;
    private final Predicate<Throwable> serverAlive;
    private final AtomicInteger retries = new AtomicInteger();

    /** @param serverAlive told of every failure; false when the server answers nothing any more */
    public PageRetryPolicy(int maxAttempts, HarvestRun run, Predicate<Throwable> serverAlive) {
        this.maxAttempts = maxAttempts;
        this.run = run;
        this.serverAlive = serverAlive;
    }

    public PageRetryPolicy(int maxAttempts, HarvestRun run) {
        this(maxAttempts, run, failure -> true);
    }

    /** The failure an error handler is deciding on. */
    public static Throwable failureOf(Exchange exchange) {
        return exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /**
     * The error handler's retryWhile: retry while the failure is transient and attempts remain. Rate-limit
     * answers the page got (handled apart, see PoliteRequests) are not attempts.
     */
    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = failureOf(exchange);
        // when retryWhile is asked, the error handler has already counted the attempt that just failed
        int redeliveries = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        int rateLimited = exchange.getProperty(PoliteRequests.RATE_LIMITED, 0, Integer.class);
        int attemptsMade = Math.max(1, redeliveries - rateLimited);
        boolean alive = serverAlive.test(failure);
        // a stopping run lets the page go (it stays "not done" for the next run) instead of holding the shutdown
        boolean retry = alive
                && attemptsMade < maxAttempts
                && isTransient(failure)
                && !run.isStopping()
                && !HarvestExchange.runOf(exchange, run).isStopping();
        if (retry) {
            retries.incrementAndGet();
        }
        return retry;
    }

    /** A failure in one line, for reports: its type and message. */
    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }

    /** Retries decided so far in this run. */
    public int retries() {
        return retries.get();
    }

    /** Whether a failure can clear up by itself, looking through wrapping exceptions. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t : Causes.chain(failure)) {
            if (t instanceof WeapiApiException api) {
                return api.retryable();
            }
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status >= 500 || status == 429 || status == 408;
            }
            if (t instanceof MalformedAnswerException || t instanceof IOException || t instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }
}
