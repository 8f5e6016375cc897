package io.commentharvester.harvest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.commentharvester.config.ThreadListSettings;

/**
 * Builds the plain request object of the comments endpoint for a page, as the web client sends it
 * (numbers as strings), and the HTTP headers and query of the call.
 */
public class CommentRequestBuilder {

    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final JsonFactory json;
    private final Map<String, String> timeOrderFields;
    private final String csrfToken;
    private final String userAgent;
    private final String cookie;
    private final HarvestRun run;
    private ListRequests paths = new ListRequests("/weapi/comment/resource/comments/get", ThreadListSettings.NONE);

    /**
     * @param timeOrderFields the order fields sent with every page (names and values from weapi.time-order-fields:
     *                        what the server does with them is reported, not documented)
     */
    public CommentRequestBuilder(
            JsonFactory json,
            Map<String, String> timeOrderFields,
            String csrfToken,
            String userAgent,
            String cookie,
            HarvestRun run) {
        this.json = json;
        this.timeOrderFields = Map.copyOf(timeOrderFields);
        this.csrfToken = csrfToken == null ? "" : csrfToken;
        this.userAgent = userAgent;
        this.cookie = cookie == null ? "" : cookie;
        this.run = run;
    }

    /** Where the pages of each list go ({@code weapi.*-path}). */
    public CommentRequestBuilder withPaths(ListRequests requests) {
        this.paths = requests;
        return this;
    }

    /**
     * The request object of a page, serialized as JSON, as the site's page sends it while it chains cursors:
     * every value a string, {@code cursor} -1 for the newest page and then the previous answer's time,
     * {@code offset} 0.
     */
    public String requestJson(PageRequest page) {
        Map<String, Object> request =
                page.list() == ThreadList.COMMENTS ? new LinkedHashMap<>() : ListRequests.request(page);
        if (page.list() != ThreadList.COMMENTS) {
            request.put("csrf_token", csrfToken);
            return write(request, page);
        }
        request.put("rid", page.threadId());
        request.put("threadId", page.threadId());
        request.put("pageNo", String.valueOf(page.pageNo()));
        request.put("pageSize", String.valueOf(page.pageSize()));
        request.put("cursor", String.valueOf(page.cursor()));
        request.put("offset", "0");
        request.putAll(timeOrderFields);
        request.put("csrf_token", csrfToken);
        return write(request, page);
    }

    /** The request object as compact JSON, written with the streaming generator (every value is text). */
    private String write(Map<String, Object> request, PageRequest page) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> field : request.entrySet()) {
                Object value = field.getValue();
                if (value == null) {
                    generator.writeNullField(field.getKey());
                } else {
                    generator.writeStringField(field.getKey(), value.toString());
                }
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the request of " + page, e);
        }
        return out.toString();
    }

    /**
     * Route step: the {@link PageRequest} body becomes the exchange's page for every later step; once the run
     * is cancelled, the page is not started at all.
     */
    public void startPage(Exchange exchange) {
        PageRequest page = exchange.getIn().getBody(PageRequest.class);
        if (page == null) {
            throw new IllegalArgumentException(
                    "expected a PageRequest body, got " + exchange.getIn().getBody());
        }
        // the worker is free again once this page is over, whichever way it ends
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                page.queue().pageDone(page);
            }
        });
        if (run != null && run.isStopping()) {
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
        exchange.setProperty(HarvestExchange.PATH, paths.path(page));
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
