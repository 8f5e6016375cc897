package io.commentharvester.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.HarvestRun;

class RunReportTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithNumbersRightAligned() {
        List<String> lines = RunReport.format(List.of(
                new String[] {"song:1359645265", "11", "0", "200", "200", "412", "48.5%", "0.6"},
                new String[] {"album:2", "3", "1", "40", "1040", "unknown", "?", "12.0"}));

        assertThat(lines)
                .containsExactly(
                        "resource         pages ok  failed  added  in all  totalCount  complete  seconds",
                        "song:1359645265        11       0    200     200         412     48.5%      0.6",
                        "album:2                 3       1     40    1040     unknown         ?     12.0");
    }

    @Test
    void aRunThatWalkedNothingHasNoTable() {
        assertThat(RunReport.table(new HarvestRun(null))).isEmpty();
    }
}
