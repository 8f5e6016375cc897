package io.commentharvester.harvest.walk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;

/**
 * A comment thread as the weapi pages it by cursor, and a hash that stores what a walk writes: enough to run a
 * walk without a server or Redis, in simulated time.
 */
class SimulatedThread {

    final List<PageComment> comments = new ArrayList<>();
    final Set<String> stored = new HashSet<>();
    int requests;

    /** @param sameTimeShare share of comments posted in the same millisecond as the newer one before them */
    SimulatedThread(int count, double sameTimeShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long time = 1_760_000_000_000L;
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextDouble() >= sameTimeShare) {
                time -= 1 + random.nextLong(3_600_000L);
            }
            String id = String.valueOf(10_000_000L + count - i);
            comments.add(new PageComment(id, time, id, "{\"commentId\":" + id + "}"));
        }
    }

    /** The answer to a page request: the comments strictly older than the cursor, newest first. */
    CommentPage answer(PageRequest page) {
        requests++;
        int start = 0;
        if (page.cursor() >= 0) {
            while (start < comments.size() && comments.get(start).time() >= page.cursor()) {
                start++;
            }
        }
        int end = Math.min(comments.size(), start + page.pageSize());
        return new CommentPage(comments.subList(start, end), comments.size(), end < comments.size());
    }

    /** Writes an outcome as the ledger's script does: answers {new fields, hash size}. */
    long[] store(PageOutcome outcome) {
        long added = outcome.toStore().stream()
                .filter(comment -> stored.add(comment.commentId()))
                .count();
        return new long[] {added, stored.size()};
    }

    /** Runs a queue to its end with {@code workers} workers, every page taking one tick; answers the ticks. */
    static int run(WorkQueue queue, SimulatedThread thread, int workers) {
        List<PageRequest> inFlight = new ArrayList<>();
        int ticks = 0;
        while (true) {
            while (inFlight.size() < workers) {
                PageRequest page = queue.poll();
                if (page == null) {
                    break;
                }
                inFlight.add(page);
            }
            if (inFlight.isEmpty()) {
                return ticks;
            }
            ticks++;
            for (PageRequest page : List.copyOf(inFlight)) {
                PageOutcome outcome = queue.decide(page, thread.answer(page));
                long[] written = thread.store(outcome);
                queue.apply(outcome, written[0], written[1]);
                queue.pageDone(page);
                inFlight.remove(page);
            }
        }
    }
}
