package io.commentharvester.harvest.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.ResourceType;

/** Walks of simulated threads: nothing lost, nothing counted twice, workers kept busy, checkpoints that resume. */
class ThreadWalkTest {

    private static final Resource SONG = new Resource(ResourceType.SONG, "42");

    private static ThreadWalk walk(List<Coverage> covered, long target, int pageSize) {
        return new ThreadWalk(SONG, "music_comment:42", covered, target, pageSize, "t");
    }

    @Test
    void allPagesStoresEveryCommentOnceAcrossMillisecondGroupsAndReachesTheEnd() {
        SimulatedThread thread = new SimulatedThread(2000, 0.10, 7);
        ThreadWalk walk = walk(List.of(), Long.MAX_VALUE, 20);
        WorkQueue queue = new WorkQueue(List.of(walk), 10, () -> false);

        SimulatedThread.run(queue, thread, 10);

        assertThat(thread.stored).hasSize(2000);
        assertThat(walk.tally().added()).isEqualTo(2000);
        assertThat(walk.endReached()).isTrue();
        assertThat(walk.isComplete()).isTrue();
        assertThat(walk.tally().completeness()).isEqualTo(1.0);
    }

    @Test
    void oneDeepThreadKeepsEveryWorkerBusy() {
        SimulatedThread thread = new SimulatedThread(20_000, 0.0, 11);
        ThreadWalk walk = walk(List.of(), Long.MAX_VALUE, 20);
        WorkQueue queue = new WorkQueue(List.of(walk), 10, () -> false);

        int ticks = SimulatedThread.run(queue, thread, 10);

        assertThat(thread.stored).hasSize(20_000);
        // 1000 pages of 20 by offset would take 100 ticks on 10 workers
        assertThat(thread.requests).isLessThan(1120);
        assertThat(ticks).isLessThan(125);
        assertThat((double) thread.requests / (ticks * 10)).isGreaterThan(0.85);
    }

    @Test
    void newestPagesAreExactlyTheNewestCommentsEvenWhenAGroupSpansThePageBoundary() {
        SimulatedThread thread = new SimulatedThread(2000, 0.30, 3);
        ThreadWalk walk = walk(List.of(), 60 * 20, 20);
        WorkQueue queue = new WorkQueue(List.of(walk), 10, () -> false);

        SimulatedThread.run(queue, thread, 10);

        List<String> newest = thread.comments.subList(0, 1200).stream()
                .map(PageComment::commentId)
                .toList();
        assertThat(thread.stored).containsExactlyInAnyOrderElementsOf(newest);
        assertThat(walk.isComplete()).isTrue();
        assertThat(walk.endReached()).isFalse();
        assertThat(walk.tally().isTargetReached()).isTrue();
    }

    @Test
    void aWholePageInOneMillisecondIsAskedAgainWithTheLargestPage() {
        SimulatedThread thread = new SimulatedThread(130, 0.0, 5);
        long shared = thread.comments.get(10).time();
        for (int i = 10; i < 40; i++) {
            PageComment c = thread.comments.get(i);
            thread.comments.set(i, new PageComment(c.commentId(), shared, c.field(), c.value()));
        }
        ThreadWalk walk = walk(List.of(), Long.MAX_VALUE, 10);
        WorkQueue queue = new WorkQueue(List.of(walk), 1, () -> false);

        SimulatedThread.run(queue, thread, 1);

        assertThat(thread.stored).hasSize(130);
        assertThat(walk.endReached()).isTrue();
    }

    @Test
    void aRerunFromTheCheckpointOfAStoppedRunFetchesOnlyWhatIsMissing() {
        SimulatedThread thread = new SimulatedThread(3000, 0.10, 9);
        AtomicBoolean stop = new AtomicBoolean();
        ThreadWalk first = walk(List.of(), Long.MAX_VALUE, 20);
        WorkQueue queue = new WorkQueue(List.of(first), 4, stop::get);
        Map<String, Coverage> checkpoint = new HashMap<>();
        List<PageRequest> inFlight = new ArrayList<>();
        int pages = 0;
        while (pages < 60) {
            PageRequest page;
            while (inFlight.size() < 4 && (page = queue.poll()) != null) {
                inFlight.add(page);
            }
            PageRequest done = inFlight.remove(0);
            PageOutcome outcome = queue.decide(done, thread.answer(done));
            long[] written = thread.store(outcome);
            if (outcome.coverage() != null) {
                checkpoint.put(done.slice().id(), outcome.coverage());
            }
            queue.apply(outcome, written[0], written[1]);
            queue.pageDone(done);
            pages++;
        }
        // killed: the pages in flight are lost, their comments never written
        int storedBefore = thread.stored.size();
        int requestsBefore = thread.requests;

        ThreadWalk second =
                new ThreadWalk(SONG, "music_comment:42", new ArrayList<>(checkpoint.values()), Long.MAX_VALUE, 20, "u");
        SimulatedThread.run(new WorkQueue(List.of(second), 4, () -> false), thread, 4);

        assertThat(thread.stored).hasSize(3000);
        assertThat(second.tally().added()).isEqualTo(3000 - storedBefore);
        assertThat(second.endReached()).isTrue();
        // what the first run fetched is not fetched again, apart from the pages in flight and slice edges
        int refetched = thread.requests - requestsBefore - (3000 - storedBefore) / 19;
        assertThat(refetched).isLessThan(30);
    }

    @Test
    void newestPagesAfterARunWithAnotherPageSizeStoreWhatTheLargerAskNeeds() {
        SimulatedThread thread = new SimulatedThread(500, 0.10, 13);
        Map<String, Coverage> checkpoint = new HashMap<>();
        ThreadWalk first = walk(List.of(), 2 * 20, 20);
        runRecording(first, thread, checkpoint);
        assertThat(thread.stored).hasSize(40);

        ThreadWalk second =
                new ThreadWalk(SONG, "music_comment:42", new ArrayList<>(checkpoint.values()), 2 * 50, 50, "u");
        runRecording(second, thread, checkpoint);

        List<String> newest = thread.comments.subList(0, 100).stream()
                .map(PageComment::commentId)
                .toList();
        assertThat(thread.stored).containsExactlyInAnyOrderElementsOf(newest);
        assertThat(second.tally().added()).isEqualTo(60);
    }

    @Test
    void anEmptyPageBeforeTheEndStopsTheWalkWithoutLoopingOrCounting() {
        SimulatedThread thread = new SimulatedThread(100, 0.0, 1) {
            @Override
            io.commentharvester.harvest.CommentPage answer(PageRequest page) {
                if (page.cursor() < 0) {
                    return super.answer(page);
                }
                requests++;
                return new io.commentharvester.harvest.CommentPage(List.of(), 100, true);
            }
        };
        ThreadWalk walk = walk(List.of(), Long.MAX_VALUE, 20);
        SimulatedThread.run(new WorkQueue(List.of(walk), 1, () -> false), thread, 1);

        assertThat(thread.requests).isEqualTo(2);
        assertThat(walk.isComplete()).isFalse();
        assertThat(walk.tally().problems()).singleElement().asString().contains("empty page");
    }

    @Test
    void anIncrementalWalkGoesOnlyDownToItsWatermarkAndLeavesOlderGapsAlone() {
        SimulatedThread thread = new SimulatedThread(500, 0.0, 17);
        Map<String, Coverage> checkpoint = new HashMap<>();
        ThreadWalk first = walk(List.of(), 2 * 20, 20);
        runRecording(first, thread, checkpoint);
        assertThat(first.newestSliceDone()).isTrue();
        long watermark = thread.comments.get(0).time();

        int requestsBefore = thread.requests;
        ThreadWalk incremental = new ThreadWalk(
                SONG, "music_comment:42", new ArrayList<>(checkpoint.values()), Long.MAX_VALUE, 20, "u", watermark);
        runRecording(incremental, thread, checkpoint);

        // nothing is newer than the watermark: one page, nothing added, the 460 older comments left for a full run
        assertThat(thread.requests - requestsBefore).isEqualTo(1);
        assertThat(thread.stored).hasSize(40);
        assertThat(incremental.isComplete()).isTrue();
        assertThat(incremental.endReached()).isFalse();
    }

    private static void runRecording(ThreadWalk walk, SimulatedThread thread, Map<String, Coverage> checkpoint) {
        WorkQueue queue = new WorkQueue(List.of(walk), 1, () -> false);
        PageRequest page;
        while ((page = queue.poll()) != null) {
            PageOutcome outcome = queue.decide(page, thread.answer(page));
            long[] written = thread.store(outcome);
            if (outcome.coverage() != null) {
                checkpoint.put(page.slice().id(), outcome.coverage());
            }
            queue.apply(outcome, written[0], written[1]);
            queue.pageDone(page);
        }
    }

    @Test
    void aSharedWalkKeepsSplittingAfterClaimingWhatItWalkedItselfAsCovered() {
        SimulatedThread thread = new SimulatedThread(2000, 0.0, 11);
        ThreadWalk walk = ThreadWalk.unclaimed(SONG, "k", Long.MAX_VALUE, 20, "s");
        WorkQueue queue = new WorkQueue(List.of(walk), 4, () -> false);
        long middle = thread.comments.get(999).time();
        // a first unit, the newest 1000 comments, walked by this harvester
        Claims.claim(queue, walk, Slice.TOP, middle, List.of(), "a");
        SimulatedThread.run(queue, thread, 4);
        int first = thread.stored.size();
        assertThat(first).isBetween(1000, 1100);

        // the rest of the thread as a second unit: what is stored (by this harvester) comes back as covered
        long newest = thread.comments.get(0).time();
        Claims.claim(queue, walk, middle, 0, List.of(new Coverage(middle, newest + 1, first)), "b");
        int ticks = SimulatedThread.run(queue, thread, 4);

        assertThat(thread.stored).hasSize(2000);
        // 50 pages on 4 workers: about 13 ticks when the slice is split, 50 when it is walked as one chain
        assertThat(ticks).isLessThan(25);
    }

    @Test
    void aSharedWalkOfTheOldestPartKeepsSplittingWhenItsFirstCutFallsPastTheThreadsEnd() {
        SimulatedThread thread = new SimulatedThread(2000, 0.0, 11);
        ThreadWalk walk = ThreadWalk.unclaimed(SONG, "k", Long.MAX_VALUE, 20, "s");
        WorkQueue queue = new WorkQueue(List.of(walk), 4, () -> false);
        // this harvester holds the oldest quarter; the rest is another's and not stored yet, so the total leaves
        // four times what this part holds, and the first cuts fall below the oldest comment
        long quarter = thread.comments.get(1499).time();
        Claims.claim(queue, walk, quarter, 0, List.of(), "a");

        int ticks = SimulatedThread.run(queue, thread, 4);

        assertThat(thread.stored).hasSize(500);
        // 25 pages on 4 workers: about 8 ticks when the part is split, 25 when it is walked as one chain (an empty
        // range below the thread's start must not count as a stretch of the thread without comments)
        assertThat(ticks).isLessThan(14);
    }
}
