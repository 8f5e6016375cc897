package io.commentharvester.report;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.commentharvester.harvest.PageRetryPolicy;
import io.commentharvester.polite.RequestGate;

/**
 * Feeds {@link HarvestMeters} from Camel's own events, so that no route step has to: the HTTP call of a page
 * ({@code toD} to the API) is a request in flight and a latency; the end of {@code direct:request-comment-page}
 * tells how that request went (a good answer, or the failure that the error handler is about to see); a redelivery
 * is a retry, by the cause of the failure before it. Bound as a bean, camel-main adds it to the context.
 */
public final class HarvestEvents extends EventNotifierSupport {

    /** The route that sends one request and reads its answer (routes/fetch-comment-page.camel.yaml). */
    static final String REQUEST_ROUTE = "direct:request-comment-page";
    /** Exchange property: this attempt's request went out (an HTTP call was made). */
    static final String SENT = "harvestRequestSent";

    private final HarvestMeters meters;

    public HarvestEvents(HarvestMeters meters) {
        this.meters = meters;
    }

    public HarvestMeters meters() {
        return meters;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return switch (event.getType()) {
            case ExchangeSending, ExchangeSent, ExchangeRedelivery, CamelContextStarted -> true;
            default -> false;
        };
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending && isApiCall(sending.getEndpoint())) {
            sending.getExchange().setProperty(SENT, Boolean.TRUE);
            meters.requestSent();
        } else if (event instanceof ExchangeSentEvent sent) {
            sent(sent);
        } else if (event instanceof ExchangeRedeliveryEvent redelivery) {
            RequestOutcome cause = RequestOutcome.of(PageRetryPolicy.failureOf(redelivery.getExchange()));
            meters.retried(cause == null || cause == RequestOutcome.OK ? RequestOutcome.OTHER : cause);
        } else if (event instanceof CamelEvent.CamelContextStartedEvent started) {
            RequestGate gate = started.getContext().getRegistry().lookupByNameAndType("requestGate", RequestGate.class);
            if (gate != null) {
                meters.pausesFrom(gate::pauses);
            }
        }
    }

    private void sent(ExchangeSentEvent sent) {
        Exchange exchange = sent.getExchange();
        if (isApiCall(sent.getEndpoint())) {
            meters.requestDone(sent.getTimeTaken());
        } else if (isRequestRoute(sent.getEndpoint()) && exchange.getProperty(SENT) != null) {
            exchange.removeProperty(SENT);
            RequestOutcome outcome = RequestOutcome.of(exchange.getException());
            meters.requestEnded(outcome == null ? RequestOutcome.OTHER : outcome);
        }
    }

    private static boolean isApiCall(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        return uri.startsWith("http://") || uri.startsWith("https://");
    }

    private static boolean isRequestRoute(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri().replace("://", ":");
        int query = uri.indexOf('?');
        return (query < 0 ? uri : uri.substring(0, query)).equals(REQUEST_ROUTE);
    }
}
