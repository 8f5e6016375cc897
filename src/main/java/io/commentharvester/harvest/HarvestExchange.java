package io.commentharvester.harvest;

/** Names of the exchange properties the harvest routes carry (never headers: camel-http would send those). */
public final class HarvestExchange {

    /** The {@link PageRequest} an exchange is working on. */
    public static final String PAGE = "harvestPage";
    /** The {@link CommentPage} read from the API's answer. */
    public static final String COMMENT_PAGE = "harvestCommentPage";

    private HarvestExchange() {
    }
}
