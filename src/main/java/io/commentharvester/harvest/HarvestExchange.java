package io.commentharvester.harvest;

/** Names of the exchange properties the harvest routes carry (never headers: camel-http would send those). */
public final class HarvestExchange {

    /** The {@link PageRequest} an exchange is working on. */
    public static final String PAGE = "harvestPage";
    /** The {@link CommentPage} read from the API's answer. */
    public static final String COMMENT_PAGE = "harvestCommentPage";

    /** The path (after weapi.base-url) the page is POSTed to: the main list's, the hot list's or the floor's. */
    public static final String PATH = "harvestPath";

    /**
     * Headers that survive the clean-ups before and after the HTTP call: the error handler's redelivery
     * bookkeeping, which counts the attempts at a page.
     */
    public static final String KEEP_HEADERS = "CamelRedeliver*";

    /** The {@link HarvestRun} of a call of {@code direct:harvest}; absent in the application's own run. */
    public static final String RUN = "harvestRun";

    private HarvestExchange() {}

    /** The run an exchange belongs to: its call's, or else the application's. */
    public static HarvestRun runOf(org.apache.camel.Exchange exchange, HarvestRun application) {
        HarvestRun call = exchange.getProperty(RUN, HarvestRun.class);
        return call != null ? call : application;
    }
}
