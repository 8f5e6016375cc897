package io.commentharvester.harvest.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.ResourceType;

/** The progress's estimate of what a walk has left: unknown, then the thread's total less what is walked, then 0. */
class CommentsLeftTest {

    private static final Resource SONG = new Resource(ResourceType.SONG, "42");

    @Test
    void everyCommentWantedIsUnknownUntilAnAnswerTellsTheTotalThenCountsDownToZero() {
        SimulatedThread thread = new SimulatedThread(500, 0.0, 3);
        ThreadWalk walk = new ThreadWalk(SONG, "k", List.of(), Long.MAX_VALUE, 20, "t");
        WorkQueue queue = new WorkQueue(List.of(walk), 1, () -> false);

        assertThat(walk.commentsLeft()).isEqualTo(-1);
        PageRequest page;
        while ((page = queue.poll()) != null) {
            PageOutcome outcome = queue.decide(page, thread.answer(page));
            long[] written = thread.store(outcome);
            queue.apply(outcome, written[0], written[1]);
            queue.pageDone(page);
            assertThat(walk.commentsLeft()).isEqualTo(walk.isFinished() ? 0 : 500 - thread.stored.size());
        }
        assertThat(thread.stored).hasSize(500);
        assertThat(walk.commentsLeft()).isZero();
    }

    @Test
    void theNewestPagesAreWhatIsLeftOfTheTargetWithinTheThread() {
        SimulatedThread thread = new SimulatedThread(500, 0.0, 5);
        ThreadWalk walk = new ThreadWalk(SONG, "k", List.of(), 100, 20, "t");
        WorkQueue queue = new WorkQueue(List.of(walk), 1, () -> false);

        assertThat(walk.commentsLeft()).isEqualTo(100);
        PageRequest page = queue.poll();
        PageOutcome outcome = queue.decide(page, thread.answer(page));
        long[] written = thread.store(outcome);
        queue.apply(outcome, written[0], written[1]);
        queue.pageDone(page);
        assertThat(walk.commentsLeft()).isEqualTo(80);

        SimulatedThread.run(queue, thread, 1);
        assertThat(thread.stored).hasSize(100);
        assertThat(walk.commentsLeft()).isZero();
    }

    @Test
    void aThreadSmallerThanTheTargetHasOnlyItsOwnCommentsLeft() {
        SimulatedThread thread = new SimulatedThread(30, 0.0, 9);
        ThreadWalk walk = new ThreadWalk(SONG, "k", List.of(), 200, 20, "t");
        WorkQueue queue = new WorkQueue(List.of(walk), 1, () -> false);

        PageRequest page = queue.poll();
        PageOutcome outcome = queue.decide(page, thread.answer(page));
        long[] written = thread.store(outcome);
        queue.apply(outcome, written[0], written[1]);
        queue.pageDone(page);

        assertThat(walk.commentsLeft()).isEqualTo(10);
    }
}
