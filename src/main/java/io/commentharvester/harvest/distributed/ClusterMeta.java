package io.commentharvester.harvest.distributed;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.commentharvester.harvest.HarvestLedger;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.walk.Coverage;
import io.commentharvester.harvest.walk.ThreadWalk;

/**
 * Route steps around {@code direct:record-harvest-meta} of a distributed run (no-ops otherwise): before it, each
 * thread whose stored ranges reach its oldest comment without a gap is marked as walked to its end, whichever
 * process walked that end; after it, {@code addedLastRun} in each meta hash is what the harvest as a whole added
 * (the hash's growth since the thread was planned), not what this process added.
 */
public final class ClusterMeta {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMeta.class);

    private final StreamWork work;
    private final WorkStream stream;
    private final HarvestLedger ledger;
    private final StringRedisTemplate redis;
    private final String orderTag;
    private final HarvestRun run;

    /** {@code work} null: the harvest is not distributed. */
    public ClusterMeta(
            StreamWork work,
            WorkStream stream,
            HarvestLedger ledger,
            StringRedisTemplate redis,
            String orderTag,
            HarvestRun run) {
        this.work = work;
        this.stream = stream;
        this.ledger = ledger;
        this.redis = redis;
        this.orderTag = orderTag;
        this.run = run;
    }

    /** Route step before the meta records: a thread stored from its oldest comment up reached its end. */
    public void settle() {
        if (work == null) {
            return;
        }
        // the split is over: no worker touches the walks any more
        for (ThreadWalk walk : run.walks()) {
            List<Coverage> covered = ledger.coveredNow(walk.commentsKey(), orderTag);
            if (covered.size() == 1 && covered.get(0).low() == 0) {
                walk.endFoundElsewhere();
            }
            walk.tally().knownTotal(ledger.knownTotal(walk.commentsKey()));
        }
    }

    /** Route step after the meta records: the harvest's additions as a whole, and this harvester's share. */
    public void recordTotals() {
        if (work == null) {
            return;
        }
        for (ThreadWalk walk : run.walks()) {
            long start = stream.start(walk.commentsKey());
            if (start >= 0) {
                long added = Math.max(0, ledger.hashSize(walk.commentsKey()) - start);
                redis.opsForHash()
                        .put(HarvestLedger.metaKey(walk.commentsKey()), "addedLastRun", String.valueOf(added));
            }
        }
        LOG.info("Harvester {}: {}", work.consumer(), work.describe());
        work.close();
    }
}
