package io.commentharvester.harvest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/**
 * Builds the plain request object of the comments endpoint for a page, as the web client sends it
 * (numbers as strings), and the HTTP headers and query of the call.
 */
public class CommentRequestBuilder {

    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
    /** The orderType value of time order (newest first). */
    public static final String TIME_ORDER = "3";

    private final ObjectMapper json;
    private final String orderType;
    private final String sortType;
    private final String csrfToken;
    private final String userAgent;
    private final String cookie;
    private final Clock clock;
    private final HarvestRun run;

    /**
     * @param orderType the {@code orderType} value sent with every request
     * @param sortType  the {@code sortType} value, which names the order instead when present; empty: not sent
     */
    public CommentRequestBuilder(ObjectMapper json, String orderType, String sortType, String csrfToken,
            String userAgent, String cookie, Clock clock, HarvestRun run) {
        this.sortType = sortType == null ? "" : sortType;
        this.run = run;
        this.json = json;
        this.orderType = orderType;
        this.csrfToken = csrfToken == null ? "" : csrfToken;
        this.userAgent = userAgent;
        this.cookie = cookie == null ? "" : cookie;
        this.clock = clock;
    }

    /** The request object for a page, serialized as JSON. */
    public String requestJson(PageRequest page) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("rid", page.threadId());
        request.put("threadId", page.threadId());
        request.put("pageNo", String.valueOf(page.pageNo()));
        request.put("pageSize", String.valueOf(page.pageSize()));
        request.put("offset", String.valueOf(page.offset()));
        request.put("orderType", orderType);
        if (!sortType.isEmpty()) {
            request.put("sortType", sortType);
        }
        // in time order a positive cursor means "older than this" and overrides the page number, so offset
        // paging asks for the newest end (-1); other orders ignore it and get "now", as the web client sends
        String order = sortType.isEmpty() ? orderType : sortType;
        request.put("cursor", TIME_ORDER.equals(order) ? -1 : clock.millis());
        request.put("csrf_token", csrfToken);
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the request of " + page, e);
        }
    }

    /**
     * Route step: the {@link PageRequest} body becomes the exchange's page for every later step; once the run
     * is cancelled, the page is not started at all.
     */
    public void startPage(Exchange exchange) {
        PageRequest page = exchange.getIn().getBody(PageRequest.class);
        if (page == null) {
            throw new IllegalArgumentException("expected a PageRequest body, got " + exchange.getIn().getBody());
        }
        if (run != null && run.isCancelled()) {
            exchange.setRouteStop(true);
            return;
        }
        exchange.setProperty(HarvestExchange.PAGE, page);
    }

    /**
     * Route step: leaves the request JSON of the exchange's page as body, with exactly the headers the web
     * client sends (any other header would become an HTTP header too).
     */
    public void build(Exchange exchange) {
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        exchange.getIn().removeHeaders("*", HarvestExchange.KEEP_HEADERS);
        exchange.getIn().setBody(requestJson(page));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, FORM_CONTENT_TYPE);
        exchange.getIn().setHeader(Exchange.HTTP_QUERY, "csrf_token=" + csrfToken);
        exchange.getIn().setHeader("User-Agent", userAgent);
        exchange.getIn().setHeader("Referer", "https://music.163.com/");
        exchange.getIn().setHeader("Origin", "https://music.163.com");
        if (!cookie.isBlank()) {
            exchange.getIn().setHeader("Cookie", cookie);
        }
    }
}
