package io.commentharvester.harvest;

import java.util.List;

/**
 * The comments of one answered page, newest first, already in their stored form.
 *
 * @param comments   the comments in the order of the answer
 * @param totalCount the thread's (or floor's, or hot list's) total as the API reports it; -1 when it does not say
 * @param hasMore    whether the API says more comments follow
 * @param hot        the {@code data.hotComments} of a first page (empty when absent)
 * @param unreadable entries of the list that are not comments at all (not JSON objects): skipped, counted odd
 * @param nextTime   a floor answer's {@code data.time}, the cursor of its next page; -1 when absent
 */
public record CommentPage(
        List<PageComment> comments,
        long totalCount,
        boolean hasMore,
        List<PageComment> hot,
        int unreadable,
        long nextTime) {

    public CommentPage {
        comments = List.copyOf(comments);
        hot = List.copyOf(hot);
    }

    public CommentPage(List<PageComment> comments, long totalCount, boolean hasMore) {
        this(comments, totalCount, hasMore, List.of(), 0, -1);
    }

    public boolean isEmpty() {
        return comments.isEmpty();
    }
}
