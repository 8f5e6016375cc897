package io.commentharvester.harvest.walk;

import java.util.Iterator;
import java.util.List;
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
 *
 * <p>The queue is what the split iterates and what the workers tell how each page went, and the walks change
 * only under its lock (its {@link InFlightLimit}'s). Handing the pages out, waiting, and asking a
 * {@link WorkFeed} for more are {@link PageHandout}'s part; the choice of the page, and of the largest slice,
 * {@link PageChoice}'s.
 */
public final class WorkQueue implements Iterator<PageRequest> {

    private final List<ThreadWalk> walks;
    private final ReentrantLock lock;
    private final PageChoice choice;
    private final PageHandout handout;

    public WorkQueue(List<ThreadWalk> walks, int concurrency, BooleanSupplier cancelled) {
        this(walks, new InFlightLimit(concurrency), cancelled);
    }

    /** A queue whose pages count against a limit shared with other queues (harvests at the same time). */
    public WorkQueue(List<ThreadWalk> walks, InFlightLimit limit, BooleanSupplier cancelled) {
        this(walks, limit, cancelled, null);
    }

    /** A queue that asks {@code feed} for more work whenever its walks have nothing to hand out. */
    public WorkQueue(List<ThreadWalk> walks, InFlightLimit limit, BooleanSupplier cancelled, WorkFeed feed) {
        this.walks = List.copyOf(walks);
        this.lock = limit.lock;
        this.choice = new PageChoice(this, this.walks);
        this.handout = new PageHandout(this, choice, this.walks, limit, cancelled, feed);
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
        return handout.hasNext();
    }

    /**
     * The next page, waiting until one can be handed out: a worker is free and a walk can go on. Null once
     * every walk is finished (or the run cancelled) and the last page in flight is over; the split then ends.
     */
    @Override
    public PageRequest next() {
        return handout.next();
    }

    /** The next page if one can be handed out now, without waiting; null otherwise (for simulations and tests). */
    PageRequest poll() {
        return handout.poll();
    }

    /** Wakes a waiting {@link #hasNext()}, e.g. when the run is cancelled. */
    public void wakeUp() {
        handout.wakeUp();
    }

    /** A page handed out by {@link #next()} is over, however it went: its worker is free again. */
    public void pageDone(PageRequest page) {
        handout.pageDone(page);
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

    /**
     * The slice with the most comments estimated left, if that is more than {@code floor}; null otherwise. Called
     * under the lock.
     */
    PageChoice.Largest largestSlice(double floor) {
        return choice.largestSlice(floor);
    }
}
