package io.commentharvester.harvest.walk;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pages in flight over every work queue of an application (a one-shot run and any harvests called through
 * {@code direct:harvest} at the same time), at most {@code harvest.concurrency}; and the one lock under which the
 * queues decide, so that a page done in one queue wakes a dispatcher waiting in another.
 */
public final class InFlightLimit {

    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    private final int max;
    private int inFlight;

    public InFlightLimit(int max) {
        this.max = max;
    }

    /** Under {@link #lock}: whether another page may go. */
    boolean hasRoom() {
        return inFlight < max;
    }

    /** Under {@link #lock}. */
    void taken() {
        inFlight++;
    }

    /** Under {@link #lock}: a page is over; every waiting dispatcher looks again. */
    void released() {
        inFlight--;
        changed.signalAll();
    }
}
