package io.commentharvester.harvest;

/**
 * One comment of an answered page, ready to store.
 *
 * @param commentId  the comment's id, exact (null when the answer has no usable one)
 * @param time       its time in epoch ms (-1 when the answer has none)
 * @param field      the Redis hash field it is stored under
 * @param value      the stored value
 * @param replyCount replies in its floor ({@code showFloorComment.replyCount} or {@code replyCount}), 0 if none
 * @param likedCount its likes (the score of the hot list's sorted set)
 * @param odd        whether the answer gave it an odd shape (see {@link CommentMapper})
 */
public record PageComment(
        String commentId, long time, String field, String value, long replyCount, long likedCount, boolean odd) {

    public PageComment(String commentId, long time, String field, String value) {
        this(commentId, time, field, value, 0, 0, false);
    }
}
