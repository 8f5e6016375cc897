package io.commentharvester.polite;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.commentharvester.util.Causes;

/**
 * Notices a server that answers nothing any more: when every request has failed in transport (refused
 * connections, timeouts, deadlines passed) for {@code giveUpAfterMs}, with no good answer in between, the run has
 * no reason to go on trying page by page. Thread-safe.
 */
public final class ServerWatch {

    private final long giveUpAfterNanos;
    private final LongSupplier clock;
    private long failingSince = Long.MIN_VALUE;
    private int failures;
    private boolean everAnswered;

    public ServerWatch(long giveUpAfterMs, LongSupplier nanoClock) {
        this.giveUpAfterNanos = TimeUnit.MILLISECONDS.toNanos(giveUpAfterMs);
        this.clock = nanoClock;
    }

    public ServerWatch(long giveUpAfterMs) {
        this(giveUpAfterMs, System::nanoTime);
    }

    /** A good answer: the server is there. */
    public synchronized void answered() {
        everAnswered = true;
        failingSince = Long.MIN_VALUE;
        failures = 0;
    }

    /**
     * A failed attempt. Answers true when the server has answered nothing for the give-up time: the run should
     * stop. Only transport failures count; an answer of any kind shows the server is alive.
     */
    public synchronized boolean failed(Throwable cause) {
        if (!isTransportFailure(cause)) {
            everAnswered = true;
        }
        if (giveUpAfterNanos <= 0 || !isTransportFailure(cause)) {
            if (giveUpAfterNanos > 0) {
                // an answer of some kind (an API error, a broken body): the server is there
                failingSince = Long.MIN_VALUE;
                failures = 0;
            }
            return false;
        }
        long now = clock.getAsLong();
        if (failingSince == Long.MIN_VALUE) {
            failingSince = now;
        }
        failures++;
        return failures >= 2 && now - failingSince >= giveUpAfterNanos;
    }

    /** A request that got no answer at all: refused, reset, timed out; not a broken answer, not Redis. */
    static boolean isTransportFailure(Throwable cause) {
        return Causes.find(cause, IOException.class) != null
                && Causes.find(cause, com.fasterxml.jackson.core.JsonProcessingException.class) == null
                && Causes.find(cause, org.springframework.dao.DataAccessException.class) == null;
    }

    /** Whether the server answered anything (well or not) since this watch began. */
    public synchronized boolean everAnswered() {
        return everAnswered;
    }

    public synchronized int failures() {
        return failures;
    }
}
