package io.commentharvester.harvest.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.ResourceType;
import io.commentharvester.harvest.ThreadList;

/** The hot list's dedupe and end, and a floor's paging decisions, without Redis or Camel. */
class ThreadListsTest {

    private static PageComment comment(String id, long time) {
        return new PageComment(id, time, id, "{}", 0, 0, false);
    }

    private static CommentPage page(boolean hasMore, long nextTime, PageComment... comments) {
        return new CommentPage(List.of(comments), 9, hasMore, List.of(), 0, nextTime);
    }

    private final ThreadWalk walk = new ThreadWalk(new Resource(ResourceType.SONG, "1"), "k", List.of(), 20, 20, "r");

    @Test
    void theHotListDropsRepeatsAndEndsAtAPageWithNothingNew() {
        HotList hot = new HotList(0, 3);
        walk.withHot(hot);
        PageRequest first = hot.next(null, walk);
        assertThat(first.list()).isEqualTo(ThreadList.HOT);
        assertThat(first.offset()).isZero();
        assertThat(hot.next(null, walk)).as("one hot page at a time").isNull();
        CommentPage one = page(true, -1, comment("a", 3), comment("b", 2), comment("c", 1));
        assertThat(hot.fresh(one.comments())).hasSize(3);
        hot.apply(first, one);
        hot.inFlight = false;

        PageRequest second = hot.next(null, walk);
        assertThat(second.offset()).isEqualTo(3);
        CommentPage two = page(true, -1, comment("c", 1), comment("d", 0), comment("e", 0));
        assertThat(hot.fresh(two.comments())).extracting(PageComment::field).containsExactly("d", "e");
        hot.apply(second, two);
        hot.inFlight = false;

        PageRequest third = hot.next(null, walk);
        hot.apply(third, page(true, -1, comment("d", 0), comment("e", 0)));
        hot.inFlight = false;
        assertThat(hot.isComplete()).as("a page with nothing new ends the list").isTrue();
        assertThat(hot.next(null, walk)).isNull();
        assertThat(hot.distinct()).isEqualTo(5);
    }

    @Test
    void theHotOrderStopsAfterThePagesWanted() {
        HotList hot = new HotList(1, 2);
        PageRequest first = hot.next(null, walk);
        hot.apply(first, page(true, -1, comment("a", 1), comment("b", 1)));
        hot.inFlight = false;
        assertThat(hot.isComplete()).isTrue();
    }

    @Test
    void aFloorFollowsTheAnswersTimeAndEndsWithoutMore() {
        Floors.Step first = Floors.decide(Set.of(), -1, page(true, 200, comment("r1", 100), comment("r2", 200)));
        assertThat(first.next()).isEqualTo(200);
        assertThat(first.done()).isFalse();
        assertThat(first.checkpoint()).isEqualTo("200");
        Floors.Step last =
                Floors.decide(Set.of("r1", "r2"), 200, page(false, 300, comment("r2", 200), comment("r3", 300)));
        assertThat(last.fresh()).extracting(PageComment::field).containsExactly("r3");
        assertThat(last.done()).isTrue();
        assertThat(last.checkpoint()).isEqualTo("done");
    }

    @Test
    void aFloorWithoutTimeUsesItsLastReplyAndStopsWhenItMakesNoProgress() {
        assertThat(Floors.decide(Set.of(), -1, page(true, -1, comment("r1", 100)))
                        .next())
                .isEqualTo(100);
        Floors.Step stuck = Floors.decide(Set.of("r1"), 100, page(true, 100, comment("r1", 100)));
        assertThat(stuck.problem()).contains("no progress");
        assertThat(stuck.checkpoint()).isEqualTo("100");
        assertThat(Floors.decide(Set.of(), 100, page(true, 100)).done())
                .as("an empty page ends the floor")
                .isTrue();
    }

    @Test
    void floorsResumeFromTheirCheckpointAndSkipDoneOnes() {
        Floors floors = new Floors(20);
        walk.withFloors(floors);
        floors.add("1", "done");
        floors.add("2", "12345");
        floors.add("3", "-1");
        floors.add("2", "-1");
        PageRequest a = floors.next(null, walk);
        PageRequest b = floors.next(null, walk);
        assertThat(List.of(a.parentId(), b.parentId())).containsExactly("2", "3");
        assertThat(a.cursor()).isEqualTo(12345);
        assertThat(b.cursor()).isEqualTo(-1);
        assertThat(floors.next(null, walk)).isNull();
        assertThat(floors.isFinished()).isFalse();
        floors.apply(a, new Floors.Step(List.of(), 12345, true, null), 0);
        floors.pageDone(a);
        floors.apply(b, new Floors.Step(List.of(), 5, false, null), 0);
        floors.pageDone(b);
        assertThat(floors.next(null, walk).parentId()).isEqualTo("3");
    }
}
