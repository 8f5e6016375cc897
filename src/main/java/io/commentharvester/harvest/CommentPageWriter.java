package io.commentharvester.harvest;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;

import io.commentharvester.config.ThreadListSettings;
import io.commentharvester.harvest.walk.Floors;
import io.commentharvester.harvest.walk.PageOutcome;
import io.commentharvester.harvest.walk.WorkQueue;

/**
 * Stores one answered page: its walk decides what is new and where it goes next, then the comments, the
 * walk's checkpoint and the thread's total are written in one atomic round trip, and the walk moves on with
 * what Redis answered (fields added, hash size). With the extra lists, the same write records the floors found
 * on the page and a first page's hot comments; a hot page adds to the hot list's sorted set, a floor page writes
 * its replies and the floor's checkpoint.
 */
public class CommentPageWriter {

    private final HarvestLedger ledger;
    private final HarvestRun run;
    private ThreadListSettings lists = ThreadListSettings.NONE;

    public CommentPageWriter(HarvestLedger ledger, HarvestRun run) {
        this.ledger = ledger;
        this.run = run;
    }

    /** Which extra lists are harvested. */
    public CommentPageWriter withLists(ThreadListSettings settings) {
        this.lists = settings;
        return this;
    }

    /** Route step: the page's {@link CommentPage} in, stored. */
    public void store(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        CommentPage comments = exchange.getProperty(HarvestExchange.COMMENT_PAGE, CommentPage.class);
        long added = switch (page.list()) {
            case HOT -> storeHot(page, comments);
            case FLOOR -> storeFloor(page, comments);
            default -> storeComments(page, comments);
        };
        HarvestExchange.runOf(exchange, run).pageStored(added);
    }

    private long storeComments(PageRequest page, CommentPage comments) {
        WorkQueue queue = page.queue();
        PageOutcome outcome = queue.decide(page, comments);
        List<PageComment> hot = lists.walksHot() && page.cursor() < 0 ? comments.hot() : List.of();
        List<PageComment> written = new ArrayList<>(outcome.toStore());
        written.addAll(hot);
        List<String> parents = parents(written);
        long[] result;
        try {
            result = ledger.storePage(outcome, parents, hot);
        } catch (RuntimeException e) {
            queue.abandon(outcome);
            throw e;
        }
        queue.apply(outcome, result[0], result[1]);
        queue.applyHot(null, page.walk(), comments, 0, result[1]);
        afterWrite(page, written, comments.unreadable(), parents, result[0]);
        return result[0];
    }

    private long storeHot(PageRequest page, CommentPage comments) {
        WorkQueue queue = page.queue();
        List<PageComment> fresh = queue.freshHot(page, comments.comments());
        List<String> parents = parents(fresh);
        long[] result = ledger.write(
                new HarvestLedger.Write(page.walk().commentsKey(), "", "", "", "", "", parents, fresh, false, fresh));
        queue.applyHot(page, page.walk(), comments, result[0], result[1]);
        afterWrite(page, fresh, comments.unreadable(), parents, result[0]);
        return result[0];
    }

    private long storeFloor(PageRequest page, CommentPage comments) {
        WorkQueue queue = page.queue();
        Floors.Step step = queue.decideFloor(page, comments);
        long[] result = ledger.write(new HarvestLedger.Write(
                page.walk().commentsKey(),
                "",
                "",
                "",
                page.parentId(),
                step.checkpoint(),
                List.of(),
                List.of(),
                true,
                step.fresh()));
        queue.applyFloor(page, step, result[0], result[1]);
        afterWrite(page, step.fresh(), comments.unreadable(), List.of(), result[0]);
        return result[0];
    }

    private void afterWrite(
            PageRequest page, List<PageComment> written, int unreadable, List<String> parents, long added) {
        page.queue().odd(page.walk(), written, unreadable);
        if (!parents.isEmpty()) {
            page.queue().floorsFound(page.walk(), parents);
        }
    }

    /** The comments whose floors are to be walked: those with replies and an id. */
    private List<String> parents(List<PageComment> comments) {
        if (!lists.includeReplies()) {
            return List.of();
        }
        return comments.stream()
                .filter(c -> c.replyCount() > 0 && c.commentId() != null)
                .map(PageComment::commentId)
                .distinct()
                .toList();
    }
}
