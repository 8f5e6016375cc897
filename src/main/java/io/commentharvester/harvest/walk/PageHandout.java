package io.commentharvester.harvest.walk;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.commentharvester.harvest.PageRequest;

/**
 * How a {@link WorkQueue} hands its pages out: only while its {@link InFlightLimit} has room, counting the pages
 * of this queue in flight, and, when its walks have nothing to hand out, asking its {@link WorkFeed} for more or
 * waiting until a page is over. Which page goes is the {@link PageChoice}'s business.
 */
final class PageHandout {

    /** How often a queue fed by a {@link WorkFeed} asks it again while it had nothing (ms). */
    private static final long FEED_POLL_MS = 25;

    private final WorkQueue queue;
    private final PageChoice choice;
    private final List<ThreadWalk> walks;
    private final InFlightLimit limit;
    private final BooleanSupplier cancelled;
    private final ReentrantLock lock;
    private final Condition changed;
    private int inFlight;
    private PageRequest ready;
    /** More work beyond the walks' own (a distributed harvest); null when the walks are all the work. */
    private final WorkFeed feed;

    PageHandout(
            WorkQueue queue,
            PageChoice choice,
            List<ThreadWalk> walks,
            InFlightLimit limit,
            BooleanSupplier cancelled,
            WorkFeed feed) {
        this.queue = queue;
        this.choice = choice;
        this.walks = walks;
        this.limit = limit;
        this.cancelled = cancelled;
        this.feed = feed;
        this.lock = limit.lock;
        this.changed = limit.changed;
    }

    /**
     * Never blocks: false only once nothing is left to hand out and nothing is in flight. (Camel's parallel split
     * asks again right after taking a page and before handing that page to a worker, so waiting here for a
     * page to finish would wait for ever.)
     */
    boolean hasNext() {
        boolean local;
        lock.lock();
        try {
            local = ready != null
                    || inFlight > 0
                    || !cancelled.getAsBoolean() && walks.stream().anyMatch(w -> !w.isFinished());
        } finally {
            lock.unlock();
        }
        return local || feed != null && !cancelled.getAsBoolean() && !feed.drained();
    }

    /**
     * The next page, waiting until one can be handed out: a worker is free and a walk can go on. Null once
     * every walk is finished (or the run cancelled) and the last page in flight is over; the split then ends.
     */
    PageRequest next() {
        lock.lock();
        try {
            while (true) {
                boolean room = limit.hasRoom();
                if (ready == null && !cancelled.getAsBoolean() && room) {
                    ready = choice.take();
                }
                if (ready != null && !cancelled.getAsBoolean()) {
                    PageRequest page = ready;
                    ready = null;
                    inFlight++;
                    limit.taken();
                    return page;
                }
                if (feed != null && room && !cancelled.getAsBoolean()) {
                    // nothing to take here: claim more from the feed, or wait until the harvest is drained
                    if (unlocked(() -> feed.claim(queue))) {
                        continue;
                    }
                    if (inFlight == 0 && unlocked(feed::drained)) {
                        return null;
                    }
                    try {
                        changed.awaitNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(FEED_POLL_MS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    continue;
                }
                // nothing of this queue in flight, and nothing to take although there was room (or the run stops):
                // every walk is finished; without room, another harvest holds the pages in flight: wait for it
                if (inFlight == 0 && (room || cancelled.getAsBoolean())) {
                    if (ready != null) {
                        // taken but never handed out: the run was cancelled meanwhile
                        release(ready);
                        ready = null;
                    }
                    return null;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean unlocked(BooleanSupplier call) {
        lock.unlock();
        try {
            return call.getAsBoolean();
        } finally {
            lock.lock();
        }
    }

    /** The next page if one can be handed out now, without waiting; null otherwise (for simulations and tests). */
    PageRequest poll() {
        lock.lock();
        try {
            if (ready == null && !cancelled.getAsBoolean() && limit.hasRoom()) {
                ready = choice.take();
            }
            PageRequest page = ready;
            if (page != null) {
                ready = null;
                inFlight++;
                limit.taken();
            }
            return page;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a waiting {@link #hasNext()}, e.g. when the run is cancelled. */
    void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A page handed out by {@link #next()} is over, however it went: its worker is free again. */
    void pageDone(PageRequest page) {
        lock.lock();
        try {
            release(page);
            inFlight--;
            limit.released();
        } finally {
            lock.unlock();
        }
        if (feed != null) {
            feed.pageDone(queue);
        }
    }

    private static void release(PageRequest page) {
        if (page.slice() == null) {
            ThreadLists.pageDone(page);
        } else {
            page.slice().inFlight = false;
            page.slice().committing = false;
        }
    }
}
