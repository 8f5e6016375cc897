package io.commentharvester.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WalkTally;

/**
 * The table printed at the end of a run, one row per resource: pages ok and failed, comments this run added and
 * the hash holds in all (HLEN: comments and replies), the API's totalCount, completeness (stored / totalCount) and
 * the seconds from the plan to the resource's last page. The summary line follows it.
 */
public final class RunReport {

    static final String[] HEADER = {
        "resource", "pages ok", "failed", "added", "in all", "totalCount", "complete", "seconds"
    };

    private RunReport() {}

    /** The table's lines, header first; none when the run walked nothing. */
    public static List<String> table(HarvestRun run) {
        List<String[]> rows = run.read(() -> {
            List<String[]> cells = new ArrayList<>();
            for (ThreadWalk walk : run.walks()) {
                WalkTally tally = walk.tally();
                cells.add(new String[] {
                    walk.resource().toString(),
                    String.valueOf(tally.pagesOk()),
                    String.valueOf(tally.pagesFailed()),
                    String.valueOf(tally.added()),
                    tally.inAll() >= 0 ? String.valueOf(tally.inAll()) : "?",
                    tally.totalCount() >= 0 ? String.valueOf(tally.totalCount()) : "unknown",
                    Double.isNaN(tally.completeness())
                            ? "?"
                            : String.format(Locale.ROOT, "%.1f%%", tally.completeness() * 100),
                    String.format(Locale.ROOT, "%.1f", tally.seconds())
                });
            }
            return cells;
        });
        return rows.isEmpty() ? List.of() : format(rows);
    }

    /** Columns as wide as their widest cell: the first left-aligned, the numbers right-aligned. */
    static List<String> format(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            widths[i] = HEADER[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(HEADER, widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        return lines;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i == 0) {
                text.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
            } else {
                text.append("  ")
                        .append(" ".repeat(widths[i] - cells[i].length()))
                        .append(cells[i]);
            }
        }
        return text.toString().stripTrailing();
    }
}
