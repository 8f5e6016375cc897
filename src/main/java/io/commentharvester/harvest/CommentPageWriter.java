package io.commentharvester.harvest;

import org.apache.camel.Exchange;
import org.apache.camel.component.redis.RedisConstants;

/** Prepares the one multi-field write of a page's comments for the spring-redis endpoint. */
public class CommentPageWriter {

    private final HarvestLedger ledger;

    public CommentPageWriter(HarvestLedger ledger) {
        this.ledger = ledger;
    }

    /** Whether the page has anything to write (an empty hash write is an error in Redis). */
    public boolean hasComments(Exchange exchange) {
        CommentPage page = exchange.getProperty(HarvestExchange.COMMENT_PAGE, CommentPage.class);
        return page != null && !page.isEmpty();
    }

    /** Route step: sets the key and the field map of the HMSET. */
    public void prepare(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        CommentPage comments = exchange.getProperty(HarvestExchange.COMMENT_PAGE, CommentPage.class);
        exchange.getIn().setHeader(RedisConstants.KEY, ledger.commentsKey(page.resourceId()));
        exchange.getIn().setHeader(RedisConstants.VALUES, comments.fields());
    }
}
