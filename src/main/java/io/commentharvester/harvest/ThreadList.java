package io.commentharvester.harvest;

/** Which list of a thread a {@link PageRequest} asks for. */
public enum ThreadList {
    /** The main list, in time order by chained cursors. */
    COMMENTS,
    /** The hot list, {@code /weapi/v1/resource/hotcomments/<threadId>}, by offset. */
    HOT,
    /** One comment's replies (its floor), {@code /weapi/resource/comment/floor/get}, by time. */
    FLOOR
}
