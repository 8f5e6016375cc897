package io.commentharvester.report;

/** Where progress goes: a live bar on a terminal, or log lines. Called from one thread at a time. */
interface ProgressView {

    /** The run as it stands, every tick while it goes. */
    void update(ProgressSnapshot snapshot);

    /** The run is over: its final counts, the same the summary shows. */
    void finish(ProgressSnapshot snapshot);
}
