package io.commentharvester.harvest.distributed;

import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.commentharvester.config.ClusterSettings;
import io.commentharvester.config.HarvestSettings;
import io.commentharvester.harvest.HarvestLedger;
import io.commentharvester.harvest.HarvestPlanner;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.Resource;

/**
 * How this process shares Redis with other harvesters: with {@code harvest.distributed=true} the run's work comes
 * from the shared work stream ({@link StreamWork}); otherwise each resource it harvests at start is locked for it
 * ({@link ResourceLocks}), so that a second harvester of the same resource stops instead of doing it all again.
 */
public final class Distribution {

    private Distribution() {}

    /** Sets the run up; answers the route bean {@code harvestCluster} ({@link ClusterMeta}). */
    public static ClusterMeta setUp(
            CamelContext context,
            ClusterSettings cluster,
            HarvestSettings settings,
            StringRedisTemplate redis,
            HarvestLedger ledger,
            HarvestPlanner planner,
            HarvestRun run,
            boolean runAtStart) {
        WorkStream stream = new WorkStream(redis, settings.keyPrefix());
        if (cluster.distributed()) {
            StreamWork work = new StreamWork(
                    stream,
                    ledger,
                    planner.orderTag(),
                    HarvesterName.current(),
                    Duration.ofMillis(cluster.claimIdleMs()),
                    settings.pageSize(),
                    run::isStopping);
            planner.withSharedWork(work);
            return new ClusterMeta(work, stream, ledger, redis, planner.orderTag(), run);
        }
        if (runAtStart) {
            List<Resource> resources = settings.resources();
            ResourceLocks locks = ResourceLocks.acquire(
                    redis,
                    resources.stream().map(ledger::commentsKey).toList(),
                    resources.stream().map(Resource::toString).toList());
            try {
                context.addService(locks, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot keep the resource locks: " + e.getMessage(), e);
            }
        }
        return new ClusterMeta(null, stream, ledger, redis, planner.orderTag(), run);
    }
}
