package io.commentharvester.harvest;

import org.apache.camel.Exchange;

/** The error handler's last step: a page given up on is recorded, reported, and its slice stops there. */
public class HarvestFailures {

    private final HarvestLedger ledger;
    private final HarvestRun run;

    public HarvestFailures(HarvestLedger ledger, HarvestRun run) {
        this.ledger = ledger;
        this.run = run;
    }

    /** Route step of the error handler. */
    public void pageFailed(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = describe(cause);
        if (page == null) {
            run.abort(error);
            return;
        }
        page.queue().pageFailed(page);
        if (run.isCancelled() && PageRetryPolicy.isTransient(cause)) {
            // given up because the run stops, not because the page is bad: the checkpoint has the walk's
            // position and the next run goes on from there (a page that can never succeed is still recorded)
            return;
        }
        run.pageFailed(page, ledger.recordFailure(page, error));
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
