package io.commentharvester.harvest.walk;

/**
 * Where a {@link WorkQueue} gets more work once its walks have nothing to hand out: the work units of a harvest
 * shared by many processes (see {@code io.commentharvester.harvest.distributed}). Called outside the queue's lock.
 */
public interface WorkFeed {

    /**
     * Plans the work of these walks' threads (each made with {@link ThreadWalk#unclaimed}) unless another process
     * already has; from then on their parts come through {@link #claim}.
     */
    void plan(java.util.List<ThreadWalk> walks);

    /** Claims more work, adding its slices to the queue's walks ({@link Claims}); false when none is to be had now. */
    boolean claim(WorkQueue queue);

    /** Nothing is left of the harvest anywhere: no unit waits, none is being walked. */
    boolean drained();

    /** A page of the queue is over, however it went: units with nothing left to walk can be let go. */
    void pageDone(WorkQueue queue);
}
