package io.commentharvester.harvest.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.ResourceType;

/**
 * Harvesters sharing one thread through units ({@link Claims}), simulated without Redis: each claims a unit when a
 * worker is free and its walk has nothing to hand out, carves for a hungry one, lets a unit go once it is settled,
 * and claims the units of one that died; every page takes one tick.
 */
class SharedWalkTest {

    private static final Resource SONG = new Resource(ResourceType.SONG, "42");
    private static final int WORKERS = 4;

    /** The stream, the checkpoints and the carved ranges, as Redis holds them for every harvester. */
    static final class Shared {
        final SimulatedThread thread;
        final Deque<long[]> waiting = new ArrayDeque<>();
        final Map<String, Coverage> checkpoints = new HashMap<>();
        final Map<Integer, List<Coverage>> carved = new HashMap<>();
        final Set<String> asked = new HashSet<>();
        int unitIds;
        int askedTwice;
        boolean hungry;

        Shared(SimulatedThread thread) {
            this.thread = thread;
            waiting.add(new long[] {Slice.TOP, 0, ++unitIds});
        }

        List<Coverage> covered(int unit) {
            List<Coverage> covered = new ArrayList<>(checkpoints.values());
            covered.addAll(carved.getOrDefault(unit, List.of()));
            return covered;
        }
    }

    /** One harvester: its walk of the thread, its queue, its units, its pages in flight. */
    static final class Harvester {
        final Shared shared;
        final ThreadWalk walk =
                ThreadWalk.unclaimed(SONG, "k", Long.MAX_VALUE, 20, "h" + System.identityHashCode(this));
        final WorkQueue queue = new WorkQueue(List.of(walk), WORKERS, () -> false);
        final Map<Integer, long[]> units = new HashMap<>();
        final List<PageRequest> inFlight = new ArrayList<>();
        int pages;
        int claims;

        Harvester(Shared shared) {
            this.shared = shared;
        }

        void fill() {
            while (inFlight.size() < WORKERS) {
                PageRequest page = queue.poll();
                if (page == null && !claim()) {
                    return;
                }
                if (page != null) {
                    // asked as it is sent: a harvester that dies with it in flight has asked for it
                    if (!shared.asked.add(page.cursor() + "/" + page.pageSize())) {
                        shared.askedTwice++;
                    }
                    inFlight.add(page);
                }
            }
        }

        boolean claim() {
            long[] unit = shared.waiting.poll();
            if (unit == null) {
                shared.hungry = true;
                return false;
            }
            Claims.claim(queue, walk, unit[0], unit[1], shared.covered((int) unit[2]), "c" + ++claims);
            units.put((int) unit[2], unit);
            return true;
        }

        void tick() {
            for (PageRequest page : List.copyOf(inFlight)) {
                PageOutcome outcome = queue.decide(page, shared.thread.answer(page));
                long[] written = shared.thread.store(outcome);
                if (outcome.coverage() != null) {
                    shared.checkpoints.put(page.slice().id(), outcome.coverage());
                }
                queue.apply(outcome, written[0], written[1]);
                queue.pageDone(page);
                inFlight.remove(page);
                pages++;
            }
            units.values().removeIf(unit -> Claims.settled(queue, walk, unit[0], unit[1]));
            if (shared.hungry) {
                Claims.Carved carved = Claims.carve(queue, 80);
                if (carved != null) {
                    shared.hungry = false;
                    int id = ++shared.unitIds;
                    shared.waiting.add(new long[] {carved.from(), carved.to(), id});
                    units.values().stream()
                            .filter(unit -> carved.to() >= unit[1] && carved.from() <= unit[0])
                            .findFirst()
                            .ifPresent(unit -> shared.carved
                                    .computeIfAbsent((int) unit[2], k -> new ArrayList<>())
                                    .add(new Coverage(carved.to(), carved.from(), 0)));
                }
            }
        }
    }

    /** Runs the harvesters until no unit is left; {@code killAt}: the tick at which the first one dies (-1 never). */
    static int run(Shared shared, List<Harvester> harvesters, int killAt) {
        List<Harvester> alive = new ArrayList<>(harvesters);
        for (int tick = 1; tick < 100_000; tick++) {
            if (tick == killAt) {
                Harvester dead = alive.remove(0);
                // its pages in flight are lost; its units go back to the others (claim-idle elapsed)
                dead.inFlight.clear();
                shared.waiting.addAll(dead.units.values());
            }
            shared.hungry = false;
            alive.forEach(Harvester::fill);
            if (alive.stream().allMatch(h -> h.inFlight.isEmpty()) && shared.waiting.isEmpty()) {
                return tick - 1;
            }
            alive.forEach(Harvester::tick);
        }
        throw new AssertionError("never ended");
    }

    @Test
    void threeHarvestersWalkOneDeepThreadOnceInLessThanHalfTheTicksOfOne() {
        SimulatedThread alone = new SimulatedThread(20_000, 0.05, 5);
        Shared one = new Shared(alone);
        int oneTicks = run(one, List.of(new Harvester(one)), -1);

        SimulatedThread thread = new SimulatedThread(20_000, 0.05, 5);
        Shared three = new Shared(thread);
        List<Harvester> harvesters = List.of(new Harvester(three), new Harvester(three), new Harvester(three));
        int threeTicks = run(three, harvesters, -1);

        System.out.printf(
                "one harvester: %d ticks, three: %d ticks (%.2fx), pages %s%n",
                oneTicks,
                threeTicks,
                (double) threeTicks / oneTicks,
                harvesters.stream().map(h -> String.valueOf(h.pages)).toList());
        assertThat(thread.stored).hasSize(20_000);
        assertThat(Coverage.merge(List.copyOf(three.checkpoints.values())))
                .as("one range from the oldest comment up")
                .hasSize(1)
                .allMatch(range -> range.low() == 0);
        assertThat(three.askedTwice).isZero();
        assertThat(harvesters).allMatch(h -> h.pages > 200);
        assertThat((double) threeTicks / oneTicks).isLessThan(0.45);
    }

    @Test
    void theUnitsOfAHarvesterThatDiesAreFinishedByTheOthersRefetchingOnlyItsPagesInFlight() {
        SimulatedThread thread = new SimulatedThread(20_000, 0.05, 9);
        Shared shared = new Shared(thread);
        List<Harvester> harvesters = List.of(new Harvester(shared), new Harvester(shared), new Harvester(shared));

        run(shared, harvesters, 40);
        System.out.printf("one of three killed at tick 40: %d page(s) asked twice%n", shared.askedTwice);

        assertThat(thread.stored).hasSize(20_000);
        assertThat(Coverage.merge(List.copyOf(shared.checkpoints.values())))
                .hasSize(1)
                .allMatch(range -> range.low() == 0);
        assertThat(shared.askedTwice).isLessThanOrEqualTo(WORKERS);
    }
}
