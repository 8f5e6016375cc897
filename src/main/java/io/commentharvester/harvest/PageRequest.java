package io.commentharvester.harvest;

/** One page of one resource's comments: the unit the harvest splits on, retries and records. */
public record PageRequest(long resourceId, String threadId, int pageNo, int pageSize) {

    public static final String SONG_THREAD_PREFIX = "R_SO_4_";

    public static PageRequest song(long songId, int pageNo, int pageSize) {
        return new PageRequest(songId, SONG_THREAD_PREFIX + songId, pageNo, pageSize);
    }

    /** Comments before this page: {@code (pageNo - 1) * pageSize}. */
    public int offset() {
        return (pageNo - 1) * pageSize;
    }

    @Override
    public String toString() {
        return threadId + " page " + pageNo;
    }
}
