package io.commentharvester.harvest;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;
import io.commentharvester.util.Causes;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;

/**
 * Decides whether a failed page is worth another attempt: transient faults are, answers that cannot
 * improve (bad parameters, login required, not found, a captcha) are not.
 */
public class PageRetryPolicy {

    private final int maxAttempts;
    private final HarvestRun run;
    private final AtomicInteger retries = new AtomicInteger();

    public PageRetryPolicy(int maxAttempts, HarvestRun run) {
        this.maxAttempts = maxAttempts;
        this.run = run;
    }

    /** The error handler's retryWhile: retry while the failure is transient and attempts remain. */
    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // when retryWhile is asked, the error handler has already counted the attempt that just failed
        int attemptsMade = Math.max(1, exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
        // a cancelled run lets the page go (it stays "not done" for the next run) instead of holding the shutdown
        boolean retry = attemptsMade < maxAttempts && isTransient(failure) && !run.isCancelled();
        if (retry) {
            retries.incrementAndGet();
        }
        return retry;
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
            if (t instanceof MalformedAnswerException || t instanceof IOException
                    || t instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }
}
