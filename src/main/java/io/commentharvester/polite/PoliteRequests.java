package io.commentharvester.polite;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.commentharvester.ExitCodes;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.PageRetryPolicy;
import io.commentharvester.util.Causes;

/**
 * The route steps of politeness: every request waits at the run's {@link RequestGate}; a good answer lets the
 * rate creep up; a rate-limit answer pauses the whole run, and the page waits the pause out without spending
 * an attempt (at most {@code maxRateLimited} such answers a page); a server that answers nothing at all ends the
 * run, and one that cannot be reached ({@link Unreachable}) ends it at once.
 */
public class PoliteRequests {

    /** Exchange property: when the page's last request went (nanoTime), to tell which pause an answer belongs to. */
    public static final String SENT_AT = "harvestSentAt";
    /** Exchange property: how many rate-limit answers this page got (they do not count as attempts). */
    public static final String RATE_LIMITED = "harvestRateLimited";

    private static final Logger LOG = LoggerFactory.getLogger(PoliteRequests.class);

    private final RequestGate gate;
    private final ServerWatch watch;
    private final HarvestRun run;
    private final int maxRateLimited;
    private final String host;

    public PoliteRequests(RequestGate gate, ServerWatch watch, HarvestRun run, int maxRateLimited, String host) {
        this.gate = gate;
        this.watch = watch;
        this.run = run;
        this.maxRateLimited = maxRateLimited;
        this.host = host;
        run.whenStopping(gate::close);
    }

    /** Route step before each request: waits for its turn. */
    public void beforeRequest(Exchange exchange) throws InterruptedException {
        long sentAt = gate.pass();
        if (sentAt < 0 || run.isStopping()) {
            throw new RunStoppedException();
        }
        exchange.setProperty(SENT_AT, sentAt);
    }

    /** Route step after a good answer. */
    public void answered(Exchange exchange) {
        gate.answeredWell();
        watch.answered();
    }

    /** The error handler's onWhen: whether the failure is a rate-limit answer. */
    public boolean isRateLimit(Exchange exchange) {
        return RateLimits.isRateLimit(PageRetryPolicy.failureOf(exchange));
    }

    /**
     * The error handler's retryWhile for rate-limit answers: pauses the run (once per burst), and retries the page
     * after the pause while it has had fewer than {@code maxRateLimited} of them.
     */
    public boolean retryRateLimited(Exchange exchange) {
        Throwable failure = PageRetryPolicy.failureOf(exchange);
        // a refusal is an answer: the server is there
        watch.answered();
        Long sentAt = exchange.getProperty(SENT_AT, Long.class);
        gate.rateLimited(sentAt == null ? Long.MIN_VALUE : sentAt, host + " answered " + RateLimits.describe(failure));
        int count = exchange.getProperty(RATE_LIMITED, 0, Integer.class) + 1;
        exchange.setProperty(RATE_LIMITED, count);
        return count < maxRateLimited && !run.isStopping();
    }

    /**
     * Tells the watch about a failure that is not a rate limit; answers false and stops the run when the server
     * has answered nothing for the give-up time.
     */
    public boolean serverAlive(Throwable failure) {
        String unreachable = Unreachable.reason(failure, host, watch.everAnswered());
        if (unreachable != null) {
            // no retry can mend it: one line (the run's stop reason) instead of minutes of retries
            run.stop(unreachable, ExitCodes.ERROR);
            return false;
        }
        if (watch.failed(failure)) {
            String reason = "no answer from " + host + " for a while (" + watch.failures()
                    + " failed attempts in a row, the last: " + lastProblem(failure) + ")";
            LOG.warn("Giving up: {}", reason);
            run.stop(reason, ExitCodes.INCOMPLETE);
            return false;
        }
        return true;
    }

    /** The outermost transport failure's message: what the client saw (a timeout, a refused connection...). */
    private static String lastProblem(Throwable failure) {
        java.io.IOException io = Causes.find(failure, java.io.IOException.class);
        Throwable shown = io != null ? io : failure;
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : Causes.oneLine(shown.getMessage());
    }

    /** Why a request was not sent: the run is stopping. */
    public static final class RunStoppedException extends RuntimeException {
        public RunStoppedException() {
            super("not sent: the run is stopping");
        }
    }
}
