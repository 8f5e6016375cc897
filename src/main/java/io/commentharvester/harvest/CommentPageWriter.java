package io.commentharvester.harvest;

import io.commentharvester.harvest.walk.PageOutcome;
import org.apache.camel.Exchange;

/**
 * Stores one answered page: its walk decides what is new and where it goes next, then the comments, the
 * walk's checkpoint and the thread's total are written in one atomic round trip, and the walk moves on with
 * what Redis answered (fields added, hash size).
 */
public class CommentPageWriter {

    private final HarvestLedger ledger;
    private final HarvestRun run;

    public CommentPageWriter(HarvestLedger ledger, HarvestRun run) {
        this.ledger = ledger;
        this.run = run;
    }

    /** Route step: the page's {@link CommentPage} in, stored. */
    public void store(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        CommentPage comments = exchange.getProperty(HarvestExchange.COMMENT_PAGE, CommentPage.class);
        PageOutcome outcome = page.queue().decide(page, comments);
        long[] written;
        try {
            written = ledger.storePage(outcome);
        } catch (RuntimeException e) {
            page.queue().abandon(outcome);
            throw e;
        }
        page.queue().apply(outcome, written[0], written[1]);
        run.pageStored(written[0]);
    }
}
