package io.commentharvester.harvest;

import org.apache.camel.Exchange;

import io.commentharvester.ExitCodes;
import io.commentharvester.polite.PoliteRequests;
import io.commentharvester.util.Causes;
import io.commentharvester.weapi.CaptchaRequiredException;

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
        HarvestRun run = HarvestExchange.runOf(exchange, this.run);
        if (page == null) {
            run.abort(error);
            return;
        }
        page.queue().pageFailed(page);
        CaptchaRequiredException captcha = Causes.find(cause, CaptchaRequiredException.class);
        if (captcha != null) {
            run.stop(
                    "the site asks for a captcha (API code -462): this address is flagged; no request was sent after"
                            + " it" + (captcha.verifyUrl() == null ? "" : "; verify at " + captcha.verifyUrl())
                            + "; wait, then run again to resume",
                    ExitCodes.CAPTCHA);
        }
        if (Causes.find(cause, PoliteRequests.RunStoppedException.class) != null
                || run.isStopping() && PageRetryPolicy.isTransient(cause)) {
            // given up because the run stops, not because the page is bad: the checkpoint has the walk's
            // position and the next run goes on from there (a page that can never succeed is still recorded)
            return;
        }
        page.queue().failureRecorded(page);
        run.pageFailed(page, ledger.recordFailure(page, error));
    }

    static String describe(Throwable error) {
        return PageRetryPolicy.describe(error);
    }
}
