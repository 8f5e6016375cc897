package io.commentharvester.harvest;

import java.util.List;

/**
 * The comments of one answered page, newest first, already in their stored form.
 *
 * @param comments   the comments in the order of the answer
 * @param totalCount the thread's total as the API reports it; -1 when the answer does not say
 * @param hasMore    whether the API says older comments follow
 */
public record CommentPage(List<PageComment> comments, long totalCount, boolean hasMore) {

    public CommentPage {
        comments = List.copyOf(comments);
    }

    public boolean isEmpty() {
        return comments.isEmpty();
    }
}
