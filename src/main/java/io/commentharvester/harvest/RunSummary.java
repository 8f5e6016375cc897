package io.commentharvester.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WalkTally;

/**
 * What a run says of itself when it ends: the summary line and one line per thread, as the command line prints them
 * and the log records them. Read from the run's tally under the work queue's lock.
 */
final class RunSummary {

    private RunSummary() {}

    static String summaryLine(HarvestRun run) {
        boolean complete = run.isComplete() && run.pagesFailed() == 0;
        String state = run.abortReason() != null
                ? "aborted"
                : complete
                        ? "done"
                        : run.stopReason() != null ? "stopped" : run.isCancelled() ? "cancelled" : "incomplete";
        return run.read(() -> {
            long stored = 0;
            long total = 0;
            boolean totalKnown = true;
            for (ThreadWalk walk : run.walks()) {
                stored += Math.max(0, walk.tally().stored());
                totalKnown &= walk.tally().totalCount() >= 0;
                total += Math.max(0, walk.tally().totalCount());
            }
            return String.format(
                    Locale.ROOT,
                    "harvest %s: %d resource(s), %d page(s) ok, %d failed, %d comments added, "
                            + "%d stored%s%s, %.1f s",
                    state,
                    run.resources(),
                    run.pagesOk(),
                    run.pagesFailed(),
                    run.commentsAdded(),
                    stored,
                    totalKnown && total > 0
                            ? String.format(Locale.ROOT, " of %d (%s)", total, percent((double) stored / total))
                            : "",
                    lists(run.walks().stream().map(ThreadWalk::tally).toList()),
                    run.seconds());
        });
    }

    /** One line per thread: added, stored, the API's total, completeness, and whether its end was reached. */
    static List<String> threadLines(HarvestRun run) {
        return run.read(() -> {
            List<String> lines = new ArrayList<>();
            for (ThreadWalk walk : run.walks()) {
                WalkTally tally = walk.tally();
                long notDone = walk.slicesNotDone();
                String state = walk.endReached()
                        ? "end reached"
                        : tally.isTargetReached()
                                ? "newest pages stored"
                                : walk.isComplete()
                                        ? (walk.olderGapsSkipped() ? "newer comments stored" : "lists walked")
                                        : "end not reached"
                                                + (notDone > 0
                                                        ? ", " + notDone
                                                                + " part(s) not done (a rerun goes on from there)"
                                                        : "");
                lines.add(String.format(
                        Locale.ROOT,
                        "%s (%s): %d added, %d stored%s, totalCount %s, %s complete, %s%s%s",
                        walk.resource(),
                        walk.resource().threadId(),
                        tally.added(),
                        Math.max(0, tally.stored()),
                        lists(List.of(tally)),
                        tally.totalCount() >= 0 ? String.valueOf(tally.totalCount()) : "unknown",
                        Double.isNaN(tally.completeness()) ? "?" : percent(tally.completeness()),
                        state,
                        tally.watermark() >= 0
                                ? ", watermark "
                                        + java.time.Instant.ofEpochMilli(tally.watermark())
                                                .atOffset(java.time.ZoneOffset.ofHours(8))
                                : "",
                        tally.problems().isEmpty() ? "" : "; " + String.join("; ", tally.problems())));
            }
            return lines;
        });
    }

    /** ", H hot, R replies, O odd": what the hot lists and floors hold, odd comments of this run; each if any. */
    private static String lists(List<WalkTally> tallies) {
        long hot =
                tallies.stream().mapToLong(WalkTally::hot).filter(n -> n >= 0).sum();
        long replies = tallies.stream()
                .mapToLong(WalkTally::replies)
                .filter(n -> n >= 0)
                .sum();
        long odd = tallies.stream().mapToLong(WalkTally::odd).sum();
        return (tallies.stream().anyMatch(t -> t.hot() >= 0) ? ", " + hot + " hot" : "")
                + (tallies.stream().anyMatch(t -> t.replies() >= 0) ? ", " + replies + " replies" : "")
                + (odd > 0 ? ", " + odd + " odd" : "");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
