package io.commentharvester.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress as INFO lines of the log ({@code Progress: ...}), for output that is not a terminal. */
final class ProgressLines implements ProgressView {

    static final Logger LOG = LoggerFactory.getLogger("io.commentharvester.progress");

    @Override
    public void update(ProgressSnapshot snapshot) {
        LOG.info("Progress: {}", snapshot.line());
    }

    @Override
    public void finish(ProgressSnapshot snapshot) {
        LOG.info("Progress: {}", snapshot.line());
    }
}
