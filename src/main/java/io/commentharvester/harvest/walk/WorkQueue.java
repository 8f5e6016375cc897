package io.commentharvester.harvest.walk;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;

/**
 * The work of a run as the parallel split consumes it (streaming): the next page of any thread whose walk can
 * go on, handed out only while fewer than {@code concurrency} pages are in flight (over every queue sharing its
 * {@link InFlightLimit}), so that a worker is never
 * handed a page it cannot start. When no slice is idle and a worker is free, the slice with the most comments
 * left is split in two and the worker takes the older half. Only {@link #next()} waits, until there is a page
 * to hand out or nothing is left at all.
 */
public final class WorkQueue implements Iterator<PageRequest> {

    /** How often a queue fed by a {@link WorkFeed} asks it again while it had nothing (ms). */
    private static final long FEED_POLL_MS = 25;

    private final List<ThreadWalk> walks;
    private final InFlightLimit limit;
    private final BooleanSupplier cancelled;
    private final ReentrantLock lock;
    private final Condition changed;
    private int inFlight;
    private int nextWalk;
    private PageRequest ready;
    /** More work beyond the walks' own (a distributed harvest); null when the walks are all the work. */
    private final WorkFeed feed;

    public WorkQueue(List<ThreadWalk> walks, int concurrency, BooleanSupplier cancelled) {
        this(walks, new InFlightLimit(concurrency), cancelled);
    }

    /** A queue whose pages count against a limit shared with other queues (harvests at the same time). */
    public WorkQueue(List<ThreadWalk> walks, InFlightLimit limit, BooleanSupplier cancelled) {
        this(walks, limit, cancelled, null);
    }

    /** A queue that asks {@code feed} for more work whenever its walks have nothing to hand out. */
    public WorkQueue(List<ThreadWalk> walks, InFlightLimit limit, BooleanSupplier cancelled, WorkFeed feed) {
        this.feed = feed;
        this.walks = List.copyOf(walks);
        this.limit = limit;
        this.cancelled = cancelled;
        this.lock = limit.lock;
        this.changed = limit.changed;
    }

    public List<ThreadWalk> walks() {
        return walks;
    }

    /**
     * Never blocks: false only once nothing is left to hand out and nothing is in flight. (Camel's parallel split
     * asks again right after taking a page and before handing that page to a worker, so waiting here for a
     * page to finish would wait for ever.)
     */
    @Override
    public boolean hasNext() {
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
    @Override
    public PageRequest next() {
        lock.lock();
        try {
            while (true) {
                boolean room = limit.hasRoom();
                if (ready == null && !cancelled.getAsBoolean() && room) {
                    ready = take();
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
                    if (unlocked(() -> feed.claim(this))) {
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
                ready = take();
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
    public void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A page handed out by {@link #next()} is over, however it went: its worker is free again. */
    public void pageDone(PageRequest page) {
        lock.lock();
        try {
            release(page);
            inFlight--;
            limit.released();
        } finally {
            lock.unlock();
        }
        if (feed != null) {
            feed.pageDone(this);
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

    public PageOutcome decide(PageRequest page, CommentPage answer) {
        lock.lock();
        try {
            return page.walk().decide(page, answer);
        } finally {
            lock.unlock();
        }
    }

    public void apply(PageOutcome outcome, long added, long stored) {
        lock.lock();
        try {
            outcome.unit.walk().apply(outcome, added, stored);
        } finally {
            lock.unlock();
        }
    }

    public void abandon(PageOutcome outcome) {
        lock.lock();
        try {
            outcome.unit.walk().abandon(outcome);
        } finally {
            lock.unlock();
        }
    }

    public void pageFailed(PageRequest page) {
        lock.lock();
        try {
            if (page.slice() == null) {
                ThreadLists.pageFailed(page);
            } else {
                page.walk().pageFailed(page.slice());
            }
        } finally {
            lock.unlock();
        }
    }

    /** A failed page is recorded as failed (not one given up on because the run stops): its thread counts it. */
    public void failureRecorded(PageRequest page) {
        read(() -> {
            page.walk().tally().pageFailed();
            return null;
        });
    }

    /** The walk of a hot or floor page decides what is new, under the lock (see {@link #apply}). */
    public Floors.Step decideFloor(PageRequest page, CommentPage answer) {
        return read(() -> page.walk().floors().decide(page, answer));
    }

    public void applyFloor(PageRequest page, Floors.Step step, long added, long stored) {
        read(() -> {
            page.walk().floors().apply(page, step, added);
            page.walk().tally().listPageStored(added, stored, step.problem());
            return null;
        });
    }

    /** The comments of a hot page, or of a first page's hotComments, that the hot list has not seen. */
    public List<PageComment> freshHot(PageRequest page, List<PageComment> comments) {
        return read(
                () -> page.walk().hot() == null ? comments : page.walk().hot().fresh(comments));
    }

    /** A hot page ({@code hotPage}) or a first page's hotComments ({@code hotPage} null) is written. */
    public void applyHot(PageRequest hotPage, ThreadWalk walk, CommentPage answer, long added, long stored) {
        read(() -> {
            if (hotPage != null) {
                walk.hot().apply(hotPage, answer);
                walk.tally().listPageStored(added, stored, null);
            } else if (walk.hot() != null) {
                walk.hot().seen(answer.hot());
            }
            return null;
        });
    }

    /** Records the odd comments of a written page (counted once each per run). */
    public void odd(ThreadWalk walk, List<PageComment> comments, int unreadable) {
        read(() -> {
            walk.tally().odd(comments, unreadable);
            return null;
        });
    }

    /** Floors newly found on a written page: their parents. */
    public void floorsFound(ThreadWalk walk, List<String> parents) {
        read(() -> {
            parents.forEach(parent -> walk.floors().add(parent, "-1"));
            return null;
        });
    }

    /** Runs a read of the walks' state under the lock (for summaries and progress). */
    public <T> T read(java.util.function.Supplier<T> reader) {
        lock.lock();
        try {
            return reader.get();
        } finally {
            lock.unlock();
        }
    }

    private PageRequest take() {
        // idle slices first, walks taken in turn so that every resource moves
        for (int i = 0; i < walks.size(); i++) {
            ThreadWalk walk = walks.get((nextWalk + i) % walks.size());
            Slice slice = walk.idleSlice();
            if (slice != null) {
                nextWalk = (nextWalk + i + 1) % walks.size();
                return walk.nextPage(this, slice);
            }
        }
        // then the hot lists and the floors
        for (int i = 0; i < walks.size(); i++) {
            ThreadWalk walk = walks.get((nextWalk + i) % walks.size());
            PageRequest page = ThreadLists.next(this, walk);
            if (page != null) {
                nextWalk = (nextWalk + i + 1) % walks.size();
                return page;
            }
        }
        // then a new slice cut from the one with the most comments left
        Largest largest = largestSlice(0);
        if (largest == null) {
            return null;
        }
        Slice older = largest.walk().split(largest.slice(), largest.estimate());
        return older == null ? null : largest.walk().nextPage(this, older);
    }

    /** A slice of one of the walks, with the comments it is estimated to hold still. */
    record Largest(ThreadWalk walk, Slice slice, double estimate) {}

    /**
     * The slice with the most comments estimated left, if that is more than {@code floor}; null otherwise. Called
     * under the lock.
     */
    Largest largestSlice(double floor) {
        Largest largest = null;
        for (ThreadWalk walk : walks) {
            for (Slice slice : walk.slices()) {
                double estimate = walk.remainingEstimate(slice);
                if (estimate > (largest == null ? floor : largest.estimate())) {
                    largest = new Largest(walk, slice, estimate);
                }
            }
        }
        return largest;
    }
}
