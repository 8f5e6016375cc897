package io.commentharvester.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.walk.Coverage;

class WatermarkTest {

    @Test
    void aFirstWatermarkIsTheNewestCommentOnceTheWalkFromTheNewestCommentIsDone() {
        List<Coverage> covered = List.of(new Coverage(500, 1001, 40));
        assertThat(Watermark.advance(Watermark.NONE, covered, true)).isEqualTo(1000);
        assertThat(Watermark.advance(Watermark.NONE, covered, false)).isEqualTo(Watermark.NONE);
        assertThat(Watermark.advance(Watermark.NONE, List.of(), true)).isEqualTo(Watermark.NONE);
    }

    @Test
    void itMovesUpOnlyOverRangesJoinedToItWithoutAGap() {
        // the new comments [1001, 2001) were all stored: one range with the old ones
        assertThat(Watermark.advance(
                        1000, Coverage.merge(List.of(new Coverage(1001, 2001, 9), new Coverage(500, 1001, 40))), false))
                .isEqualTo(2000);
        // an interrupted walk stored [1500, 2001) only: a gap [1001, 1500) stays, the watermark too
        assertThat(Watermark.advance(
                        1000, Coverage.merge(List.of(new Coverage(1500, 2001, 5), new Coverage(500, 1001, 40))), true))
                .isEqualTo(1000);
        // a checkpoint walked with other order fields is gone: a range starting right above it still counts
        assertThat(Watermark.advance(1000, List.of(new Coverage(1001, 3001, 7)), true))
                .isEqualTo(3000);
        assertThat(Watermark.advance(1000, List.of(), true)).isEqualTo(1000);
    }

    @Test
    void itNeverMovesDown() {
        assertThat(Watermark.advance(1000, List.of(new Coverage(0, 800, 3), new Coverage(900, 1001, 2)), true))
                .isEqualTo(1000);
    }

    @Test
    void parsesOnlyTimes() {
        assertThat(Watermark.parse("1735689600000")).isEqualTo(1735689600000L);
        assertThat(Watermark.parse(null)).isEqualTo(Watermark.NONE);
        assertThat(Watermark.parse("soon")).isEqualTo(Watermark.NONE);
        assertThat(Watermark.parse("-5")).isEqualTo(Watermark.NONE);
    }
}
