package io.commentharvester.sandbox;

/** The orders the sandbox serves a thread's comments in. */
public enum CommentOrder {
    /** A deterministic mix of a hash of the commentId and likedCount (the sandbox's stand-in for "recommended"). */
    RECOMMENDED,
    /** likedCount descending, ties by commentId descending. */
    HOT,
    /** time descending (newest first). */
    TIME
}
