package io.commentharvester.harvest;

import java.util.Map;

/**
 * The comments of one answered page, already laid out as Redis hash fields.
 *
 * @param fields       hash field to value, in the order of the answer
 * @param commentCount comments in the answer (more than {@code fields.size()} when the layout merges some)
 * @param totalCount   the thread's total as the API reports it
 * @param hasMore      whether the API says more pages follow
 */
public record CommentPage(Map<String, String> fields, int commentCount, long totalCount, boolean hasMore) {

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
