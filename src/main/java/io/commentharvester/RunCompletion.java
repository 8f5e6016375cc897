package io.commentharvester;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Ends a one-shot run once its route's exchange is over. The run's last step says it is finished while its exchange
 * is still in flight; Camel's shutdown, started at that moment, would find the exchange in flight and wait a whole
 * second (its graceful-shutdown loop) before stopping. So the main is told only once nothing is in flight.
 */
final class RunCompletion {

    /** Longest wait for the exchange to leave: past it, Camel's own graceful shutdown takes over. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private RunCompletion() {}

    /** What the run calls when it is finished: completes {@code main} once the context has nothing in flight. */
    static Runnable whenIdle(Main main) {
        return () -> {
            Thread waiter = new Thread(() -> complete(main), "harvest-complete");
            waiter.setDaemon(true);
            waiter.start();
        };
    }

    private static void complete(Main main) {
        CamelContext context = main.getCamelContext();
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (context != null && context.getInflightRepository().size() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        main.completed();
    }
}
