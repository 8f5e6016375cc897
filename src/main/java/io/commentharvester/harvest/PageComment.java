package io.commentharvester.harvest;

/**
 * One comment of an answered page, ready to store.
 *
 * @param commentId the comment's id (null when the answer has none)
 * @param time      its time in epoch ms (-1 when the answer has none)
 * @param field     the Redis hash field it is stored under
 * @param value     the stored value
 */
public record PageComment(String commentId, long time, String field, String value) {
}
