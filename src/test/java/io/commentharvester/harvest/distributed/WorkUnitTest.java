package io.commentharvester.harvest.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.walk.Coverage;
import io.commentharvester.harvest.walk.Slice;

class WorkUnitTest {

    @Test
    void aUnitReadsBackFromItsStreamFields() {
        WorkUnit top = new WorkUnit("", "k", Slice.TOP, 1200);
        assertThat(top.fields()).containsEntry("from", "top").containsEntry("to", "1200");
        assertThat(WorkUnit.parse("1-0", top.fields())).isEqualTo(new WorkUnit("1-0", "k", Slice.TOP, 1200));
        assertThat(WorkUnit.parse("2-0", Map.of("key", "k", "from", "10", "to", "10")))
                .isNull();
        assertThat(WorkUnit.parse("3-0", Map.of("key", "k", "from", "x", "to", "1")))
                .isNull();
        assertThat(WorkUnit.parse("4-0", Map.of("key", "k"))).isNull();
    }

    @Test
    void aNewThreadIsOneUnitAndAResumedOneAUnitPerGap() {
        assertThat(StreamWork.gaps("k", List.of())).containsExactly(new WorkUnit("", "k", Slice.TOP, 0));
        assertThat(StreamWork.gaps("k", List.of(new Coverage(500, 900, 40), new Coverage(0, 200, 9))))
                .containsExactly(new WorkUnit("", "k", Slice.TOP, 900), new WorkUnit("", "k", 500, 200));
    }

    @Test
    void aRangeLiesInAUnitWhenWithinItsBounds() {
        WorkUnit unit = new WorkUnit("1-0", "k", 1000, 100);
        assertThat(unit.holds(1000, 100)).isTrue();
        assertThat(unit.holds(600, 300)).isTrue();
        assertThat(unit.holds(1001, 300)).isFalse();
        assertThat(unit.holds(600, 99)).isFalse();
    }
}
