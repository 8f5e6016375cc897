package io.commentharvester.harvest.walk;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.PageComment;
import io.commentharvester.harvest.PageRequest;
import io.commentharvester.harvest.ThreadList;

/**
 * The floors (reply lists) of a thread's comments: one walk per parent comment, paged by time (-1, then each
 * answer's {@code data.time}), many floors at once, each one page at a time. Its checkpoint is
 * {@code <key>:floors}, parentId -> the next time ({@code -1} for not started) or {@code done}. Guarded by the
 * {@link WorkQueue}'s lock.
 */
public final class Floors {

    /** The checkpoint value of a floor walked to its end. */
    public static final String DONE = "done";

    private final int pageSize;
    private final Map<String, Floor> floors = new LinkedHashMap<>();
    private final ArrayDeque<Floor> ready = new ArrayDeque<>();
    private int stopped;
    private long replies;

    public Floors(int pageSize) {
        this.pageSize = pageSize;
    }

    static final class Floor {
        final String parentId;
        long cursor;
        int pageNo;
        boolean inFlight;
        boolean done;
        boolean stopped;
        final Set<String> seen = new HashSet<>();

        Floor(String parentId, long cursor) {
            this.parentId = parentId;
            this.cursor = cursor;
        }
    }

    /** What one floor page does: the replies to store, and the floor's checkpoint after it. */
    public record Step(List<PageComment> fresh, long next, boolean done, String problem) {
        public String checkpoint() {
            return done ? DONE : String.valueOf(next);
        }
    }

    /** A floor from the checkpoint of an earlier run ({@code state}: a time, -1, or done), or newly found. */
    public void add(String parentId, String state) {
        if (floors.containsKey(parentId)) {
            return;
        }
        long cursor;
        try {
            cursor = DONE.equals(state) ? -1 : Long.parseLong(state.trim());
        } catch (NumberFormatException e) {
            cursor = -1;
        }
        Floor floor = new Floor(parentId, cursor);
        floor.done = DONE.equals(state);
        floors.put(parentId, floor);
        if (!floor.done) {
            ready.add(floor);
        }
    }

    public boolean knows(String parentId) {
        return floors.containsKey(parentId);
    }

    PageRequest next(WorkQueue queue, ThreadWalk walk) {
        Floor floor = ready.poll();
        if (floor == null) {
            return null;
        }
        floor.inFlight = true;
        floor.pageNo++;
        return new PageRequest(
                queue, walk, null, floor.cursor, pageSize, floor.pageNo, ThreadList.FLOOR, floor.parentId);
    }

    /** Decides a floor page without changing anything. */
    public Step decide(PageRequest page, CommentPage answer) {
        return decide(floors.get(page.parentId()).seen, page.cursor(), answer);
    }

    /**
     * A floor page: the replies not seen before; the floor ends with an empty page or {@code hasMore} false; a page
     * that brings nothing new or does not move the time on stops it (the API repeats itself), to be tried again
     * by a later run.
     */
    static Step decide(Set<String> seen, long cursor, CommentPage answer) {
        List<PageComment> fresh = answer.comments().stream()
                .filter(c -> !seen.contains(c.field()))
                .toList();
        if (answer.comments().isEmpty() || !answer.hasMore()) {
            return new Step(fresh, cursor, true, null);
        }
        long next = answer.nextTime() >= 0
                ? answer.nextTime()
                : answer.comments().get(answer.comments().size() - 1).time();
        if (fresh.isEmpty() || next < 0 || next == cursor) {
            return new Step(fresh, cursor, false, "the floor makes no progress at time " + cursor);
        }
        return new Step(fresh, next, false, null);
    }

    /** The page's replies are written: the floor moves on, ends, or stops. */
    void apply(PageRequest page, Step step, long added) {
        Floor floor = floors.get(page.parentId());
        replies += added;
        step.fresh().forEach(reply -> floor.seen.add(reply.field()));
        floor.cursor = step.next();
        if (step.done()) {
            floor.done = true;
            floor.seen.clear();
        } else if (step.problem() != null) {
            floor.stopped = true;
            stopped++;
        }
    }

    /** A page handed out is over: its floor may take its next page. */
    void pageDone(PageRequest page) {
        Floor floor = floors.get(page.parentId());
        floor.inFlight = false;
        if (!floor.done && !floor.stopped) {
            ready.add(floor);
        }
    }

    void failed(PageRequest page) {
        Floor floor = floors.get(page.parentId());
        if (!floor.stopped) {
            floor.stopped = true;
            stopped++;
        }
    }

    boolean isFinished() {
        return ready.isEmpty() && floors.values().stream().noneMatch(floor -> floor.inFlight);
    }

    boolean isComplete() {
        return isFinished() && stopped == 0;
    }

    /** Replies this run added. */
    public long repliesAdded() {
        return replies;
    }

    public int count() {
        return floors.size();
    }
}
