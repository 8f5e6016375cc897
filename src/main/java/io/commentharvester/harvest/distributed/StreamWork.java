package io.commentharvester.harvest.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.commentharvester.harvest.HarvestLedger;
import io.commentharvester.harvest.walk.Claims;
import io.commentharvester.harvest.walk.Coverage;
import io.commentharvester.harvest.walk.Slice;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WorkFeed;
import io.commentharvester.harvest.walk.WorkQueue;

/**
 * This process's side of a distributed harvest, feeding the run's {@link WorkQueue} (and so the same streaming
 * split as a harvest of its own): it plans each thread once for every process (under a lock in Redis), claims
 * units from the consumer group (new ones first, then those idle on a consumer for {@code harvest.claim-idle-ms}),
 * walks each claimed unit's gaps like any part of a thread, acknowledges it once none of its slices is left to walk
 * (every page's comments and checkpoint are stored by then), and, when another process is hungry, carves the older
 * half off its longest slice as a new unit. Its units are kept from looking idle by a heartbeat.
 */
public final class StreamWork implements WorkFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamWork.class);
    /** How often a busy process looks for a hungry one. */
    private static final long CARVE_CHECK_MS = 25;
    /** Pages' worth of comments a slice must hold still to be carved for another process. */
    private static final int MIN_PAGES_TO_CARVE = 4;

    private final WorkStream stream;
    private final HarvestLedger ledger;
    private final String orderTag;
    private final String consumer;
    private final Duration claimIdle;
    private final long minCarve;
    private final BooleanSupplier stopping;
    private final Map<String, ThreadWalk> walks = new ConcurrentHashMap<>();
    private final Map<String, WorkUnit> claimed = new ConcurrentHashMap<>();
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicLong nextCarveCheck = new AtomicLong();
    private final AtomicInteger unitsDone = new AtomicInteger();
    private final AtomicInteger unitsCarved = new AtomicInteger();
    /** Carves under way: a carved range is in neither the walk nor the stream for a moment. */
    private final AtomicInteger carving = new AtomicInteger();

    private volatile ScheduledExecutorService heartbeat;

    public StreamWork(
            WorkStream stream,
            HarvestLedger ledger,
            String orderTag,
            String consumer,
            Duration claimIdle,
            int pageSize,
            BooleanSupplier stopping) {
        this.stream = stream;
        this.ledger = ledger;
        this.orderTag = orderTag;
        this.consumer = consumer;
        this.claimIdle = claimIdle;
        this.minCarve = (long) MIN_PAGES_TO_CARVE * pageSize;
        this.stopping = stopping;
    }

    public String consumer() {
        return consumer;
    }

    @Override
    public void plan(List<ThreadWalk> threads) {
        stream.ensureGroup();
        int planned = 0;
        for (ThreadWalk walk : threads) {
            walks.put(walk.commentsKey(), walk);
            if (planThread(walk)) {
                planned++;
            }
        }
        startHeartbeat();
        LOG.info(
                "Distributed harvest as consumer {} of {} (group {}): planned {} of {} thread(s), the others were"
                        + " planned by another harvester",
                consumer,
                stream.streamKey(),
                WorkStream.GROUP,
                planned,
                threads.size());
    }

    /** Adds the units of a thread unless another harvester's plan of it is still open; true when it planned. */
    private boolean planThread(ThreadWalk walk) {
        String key = walk.commentsKey();
        while (!stream.lockPlan(key, consumer)) {
            // another harvester is planning this thread right now: its units are in the stream once it lets go
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        try {
            if (stream.open(key) > 0 && stream.left() > 0) {
                // a plan of this thread is still being walked (or waits for a harvester to claim it): join it
                return false;
            }
            if (stream.left() == 0) {
                // nothing of an earlier harvest is left: this is a new one, whose units are counted afresh
                stream.forgetDone();
            }
            ledger.clearFailures(key);
            List<Coverage> covered = ledger.coverage(key, orderTag);
            List<WorkUnit> units = walk.wantsAll() ? gaps(key, covered) : List.of(new WorkUnit("", key, Slice.TOP, 0));
            units.forEach(unit -> stream.add(unit, null));
            stream.recordStart(key, ledger.hashSize(key));
            return true;
        } finally {
            stream.unlockPlan(key, consumer);
        }
    }

    /** One unit per part of the thread no earlier run covered, newest first. */
    static List<WorkUnit> gaps(String key, List<Coverage> covered) {
        List<WorkUnit> units = new ArrayList<>();
        long upper = Slice.TOP;
        for (Coverage range : Coverage.merge(covered)) {
            if (range.high() < upper) {
                units.add(new WorkUnit("", key, upper, range.high()));
            }
            upper = Math.min(upper, range.low());
        }
        if (upper > 0) {
            units.add(new WorkUnit("", key, upper, 0));
        }
        return units;
    }

    @Override
    public boolean claim(WorkQueue queue) {
        if (stopping.getAsBoolean()) {
            return false;
        }
        WorkUnit unit = stream.readNew(consumer);
        boolean idle = false;
        if (unit == null) {
            unit = stream.claimIdle(consumer, claimIdle);
            idle = unit != null;
        }
        if (unit == null) {
            // a unit whose last page ended while a carve was under way is let go here
            settle(queue);
            stream.hungry(consumer);
            return false;
        }
        ThreadWalk walk = walks.get(unit.commentsKey());
        if (walk == null) {
            LOG.warn("Unit {} is of a thread this harvester was not given (harvest.resources differ)", unit);
            return false;
        }
        if (claimed.containsKey(unit.id())) {
            // its own unit, idle for so long that it was claimed again (a starved heartbeat): walked already
            return true;
        }
        if (idle) {
            LOG.info("Claimed {} (idle on another harvester for over {} ms)", unit, claimIdle.toMillis());
        }
        List<Coverage> covered = new ArrayList<>(ledger.coveredNow(unit.commentsKey(), orderTag));
        covered.addAll(stream.carved(unit.id()));
        int slices = Claims.claim(
                queue,
                walk,
                unit.from(),
                unit.to(),
                covered,
                Long.toString(ProcessHandle.current().pid(), 36) + "." + claims.incrementAndGet());
        LOG.debug("Claimed {} ({}): {} part(s) to walk", unit, unit.id(), slices);
        // only now, with its slices in the walk, may it be found settled
        claimed.put(unit.id(), unit);
        if (slices == 0) {
            // stored already (its consumer died after its last page, before acknowledging it)
            settle(queue);
        }
        return true;
    }

    @Override
    public boolean drained() {
        return stream.left() == 0;
    }

    @Override
    public void pageDone(WorkQueue queue) {
        settle(queue);
        long now = System.nanoTime();
        long next = nextCarveCheck.get();
        if (now - next >= 0
                && nextCarveCheck.compareAndSet(next, now + TimeUnit.MILLISECONDS.toNanos(CARVE_CHECK_MS))
                && !stopping.getAsBoolean()
                && stream.takeHungry(consumer)) {
            carve(queue);
        }
    }

    /** Acknowledges every claimed unit with nothing left to walk. */
    private void settle(WorkQueue queue) {
        if (carving.get() > 0) {
            // a range is out of the walk but not yet in the stream: its unit is not over
            return;
        }
        for (WorkUnit unit : List.copyOf(claimed.values())) {
            ThreadWalk walk = walks.get(unit.commentsKey());
            if (Claims.settled(queue, walk, unit.from(), unit.to()) && claimed.remove(unit.id()) != null) {
                if (stream.ack(unit, consumer)) {
                    unitsDone.incrementAndGet();
                }
            }
        }
    }

    /** Gives the older half of this process's longest slice to the hungry harvester, as a new unit. */
    private void carve(WorkQueue queue) {
        carving.incrementAndGet();
        try {
            carveOne(queue);
        } finally {
            carving.decrementAndGet();
        }
        settle(queue);
    }

    private void carveOne(WorkQueue queue) {
        Claims.Carved carved = Claims.carve(queue, minCarve);
        if (carved == null) {
            return;
        }
        String parent = claimed.values().stream()
                .filter(unit -> unit.commentsKey().equals(carved.walk().commentsKey())
                        && unit.holds(carved.from(), carved.to()))
                .map(WorkUnit::id)
                .findFirst()
                .orElse(null);
        WorkUnit unit = new WorkUnit("", carved.walk().commentsKey(), carved.from(), carved.to());
        stream.add(unit, parent);
        unitsCarved.incrementAndGet();
        LOG.debug("Carved {} off unit {} for a hungry harvester", unit, parent);
    }

    private synchronized void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "harvest-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, claimIdle.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(
                () -> {
                    try {
                        stream.heartbeat(consumer, List.copyOf(claimed.keySet()));
                    } catch (RuntimeException e) {
                        LOG.warn("Heartbeat of the units this harvester holds failed: {}", e.getMessage());
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    /** Units this process acknowledged, and units it carved off for others. */
    public String describe() {
        return unitsDone.get() + " unit(s) done here, " + unitsCarved.get() + " carved off for other harvesters";
    }

    @Override
    public synchronized void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
    }
}
