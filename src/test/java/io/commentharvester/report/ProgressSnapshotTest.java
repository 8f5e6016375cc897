package io.commentharvester.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressSnapshotTest {

    @Test
    void aRunningLineSaysWhatIsDoneOfTheEstimatedPlanTheRateAndTheEta() {
        ProgressSnapshot running = new ProgressSnapshot(36, 1, 120, false, 740, 740, 2400, 10, 3, 1, 3.0);
        assertThat(running.line())
                .isEqualTo("36 page(s) ok, 1 failed of ~120, 740 comments added, 740 stored of 2400 (30.8%), "
                        + "12.3 pages/s, ETA 7 s, 10 in flight, 3 retries, 1 pause");
    }

    @Test
    void aFinishedLineHasTheExactPlanAndTheTimeItTook() {
        ProgressSnapshot done = new ProgressSnapshot(120, 0, 120, true, 2400, 2400, 2400, 0, 1, 0, 10.25);
        assertThat(done.line())
                .isEqualTo("120 page(s) ok, 0 failed of 120, 2400 comments added, 2400 stored of 2400 (100.0%), "
                        + "11.7 pages/s, done in 10.3 s, 1 retry, 0 pauses");
    }

    @Test
    void beforeAnyPageTheEtaIsUnknownAndAnUnknownTotalIsLeftOut() {
        ProgressSnapshot start = new ProgressSnapshot(0, 0, 2, false, 0, 0, -1, 2, 0, 0, 0.4);
        assertThat(start.line())
                .isEqualTo("0 page(s) ok, 0 failed of ~2, 0 comments added, 0 stored, 0.0 pages/s, ETA ?, "
                        + "2 in flight, 0 retries, 0 pauses");
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(ProgressSnapshot.duration(7.4)).isEqualTo("7 s");
        assertThat(ProgressSnapshot.duration(200)).isEqualTo("3 min 20 s");
        assertThat(ProgressSnapshot.duration(7500)).isEqualTo("2 h 05 min");
    }
}
