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

    private HarvestExchange() {
    }
}
