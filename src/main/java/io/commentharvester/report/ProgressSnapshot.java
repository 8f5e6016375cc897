package io.commentharvester.report;

import java.util.Locale;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.walk.ThreadWalk;

/**
 * Where a run stands, from its own counters (the same the summary reads) and the request meters.
 *
 * @param pagesOk       pages stored, as the summary counts them
 * @param pagesFailed   pages given up on
 * @param pagesPlanned  pages done plus an estimate of those left; grows as slices split and answers tell totals
 * @param planExact     the run is over: {@code pagesPlanned} is what was done
 * @param commentsAdded comments this run added to Redis
 * @param stored        comments the walked hashes hold (replies not counted)
 * @param total         the threads' totalCount together; -1 while one is unknown
 * @param inFlight      requests on their way
 * @param retries       retries since the process started
 * @param pauses        run-wide pauses since the process started
 * @param seconds       since the run was planned
 */
public record ProgressSnapshot(
        int pagesOk,
        int pagesFailed,
        long pagesPlanned,
        boolean planExact,
        long commentsAdded,
        long stored,
        long total,
        int inFlight,
        long retries,
        int pauses,
        double seconds) {

    /** The run as it stands now; {@code over}: it has ended (finished, stopped or cancelled), its counts settled. */
    public static ProgressSnapshot of(HarvestRun run, HarvestMeters meters, boolean over) {
        return run.read(() -> {
            boolean finished = over || run.isFinished();
            long left = 0;
            long stored = 0;
            long total = 0;
            boolean totalKnown = true;
            for (ThreadWalk walk : run.walks()) {
                long comments = finished ? 0 : walk.commentsLeft();
                // a walk whose thread's size is not known yet has at least one page to go
                left += comments < 0 ? 1 : (comments + walk.pageSize() - 1) / walk.pageSize();
                stored += Math.max(0, walk.tally().stored());
                totalKnown &= walk.tally().totalCount() >= 0;
                total += Math.max(0, walk.tally().totalCount());
            }
            int ok = run.pagesOk();
            int failed = run.pagesFailed();
            return new ProgressSnapshot(
                    ok,
                    failed,
                    ok + failed + left,
                    finished,
                    run.commentsAdded(),
                    stored,
                    totalKnown ? total : -1,
                    meters.inFlight(),
                    meters.retries(),
                    meters.pauses(),
                    run.seconds());
        });
    }

    public long pagesDone() {
        return (long) pagesOk + pagesFailed;
    }

    /** Pages a second since the run was planned. */
    public double rate() {
        return seconds > 0 ? pagesDone() / seconds : 0;
    }

    /** Seconds left at the rate so far; -1 when nothing is done yet. */
    public double etaSeconds() {
        double rate = rate();
        return rate > 0 ? Math.max(0, pagesPlanned - pagesDone()) / rate : -1;
    }

    /**
     * The progress line: {@code 36 page(s) ok, 1 failed of ~120, 740 comments added, 740 stored of 2400 (30.8%),
     * 12.3 pages/s, ETA 7 s, 10 in flight, 3 retries, 0 pauses}; a finished run says {@code done in} instead of the
     * ETA and the in-flight count. Its counts are worded as in the summary line.
     */
    public String line() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%d page(s) ok, %d failed of %s%d, %d comments added, %d stored",
                pagesOk,
                pagesFailed,
                planExact ? "" : "~",
                pagesPlanned,
                commentsAdded,
                stored));
        if (total > 0) {
            text.append(String.format(Locale.ROOT, " of %d (%.1f%%)", total, 100.0 * stored / total));
        }
        text.append(String.format(Locale.ROOT, ", %.1f pages/s, ", rate()));
        if (planExact) {
            text.append(String.format(Locale.ROOT, "done in %.1f s", seconds));
        } else {
            text.append("ETA ")
                    .append(etaSeconds() < 0 ? "?" : duration(etaSeconds()))
                    .append(", ")
                    .append(inFlight)
                    .append(" in flight");
        }
        return text.append(", ")
                .append(retries)
                .append(retries == 1 ? " retry, " : " retries, ")
                .append(pauses)
                .append(pauses == 1 ? " pause" : " pauses")
                .toString();
    }

    /** {@code 7 s}, {@code 3 min 20 s}, {@code 2 h 05 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
