package io.commentharvester.harvest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.component.redis.RedisConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.commentharvester.config.ThreadListSettings;
import io.commentharvester.harvest.walk.Coverage;
import io.commentharvester.harvest.walk.Floors;
import io.commentharvester.harvest.walk.HotList;
import io.commentharvester.harvest.walk.InFlightLimit;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WorkFeed;
import io.commentharvester.harvest.walk.WorkQueue;

/**
 * Plans a run: for every resource, the walk of its thread over what earlier runs have not covered; and,
 * after the run, records each thread's counts in its meta hash.
 */
public class HarvestPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestPlanner.class);

    private final List<Resource> resources;
    private final int pages;
    private final int pageSize;
    private final int concurrency;
    /** Pages in flight over every run this planner plans, the one-shot run and calls alike. */
    private final InFlightLimit inFlight;

    private final boolean resume;
    private final String orderTag;
    private final HarvestLedger ledger;
    private final HarvestRun run;
    private final Clock clock;
    private ThreadListSettings lists = ThreadListSettings.NONE;
    /** harvest.distributed: the one-shot run's work units are shared with other processes; null otherwise. */
    private WorkFeed sharedWork;

    private volatile boolean incremental;
    /** Each walked thread's watermark before the run. */
    private final Map<String, Long> watermarks = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param pages           newest pages wanted per thread; 0 for every comment
     * @param timeOrderFields the order fields sent with every page, which the checkpoint records
     */
    public HarvestPlanner(
            List<Resource> resources,
            int pages,
            int pageSize,
            int concurrency,
            boolean resume,
            Map<String, String> timeOrderFields,
            HarvestLedger ledger,
            HarvestRun run,
            Clock clock) {
        this.resources = List.copyOf(resources);
        this.pages = pages;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.inFlight = new InFlightLimit(concurrency);
        this.resume = resume;
        this.orderTag = timeOrderFields.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        this.ledger = ledger;
        this.run = run;
        this.clock = clock;
    }

    /** Which lists of each thread besides the main one are walked (hot list, floors). */
    public HarvestPlanner withLists(ThreadListSettings settings) {
        this.lists = settings;
        return this;
    }

    /** harvest.distributed: the run's threads are planned once for every process and walked in shared units. */
    public HarvestPlanner withSharedWork(WorkFeed feed) {
        this.sharedWork = feed;
        return this;
    }

    /** The order fields a checkpoint records, as {@code name=value,...}. */
    public String orderTag() {
        return orderTag;
    }

    /**
     * Incremental runs walk only what is newer than each thread's watermark (harvest.mode=incremental); a thread
     * without one is walked as a full run would.
     */
    public void setIncremental(boolean incremental) {
        this.incremental = incremental;
    }

    /** Route step: the run's work, which the parallel split consumes as a stream. */
    public WorkQueue plan() {
        return planWork(resources, pages, run, run::isStopping);
    }

    /** The settings' pages per thread (0: every comment). */
    public int pages() {
        return pages;
    }

    /**
     * The work of one harvest of these resources for {@code callRun} (a call of {@code direct:harvest}), with the
     * settings of the application: its own queue and tally, so that calls at once do not mix.
     */
    public WorkQueue planCall(List<Resource> resources, int pages, HarvestRun callRun) {
        return planWork(resources, pages, callRun, () -> callRun.isStopping() || run.isStopping());
    }

    private WorkQueue planWork(
            List<Resource> resources, int pages, HarvestRun run, java.util.function.BooleanSupplier stopping) {
        String runTag = Long.toString(clock.millis(), 36);
        long target = pages == 0 ? Long.MAX_VALUE : (long) pages * pageSize;
        List<ThreadWalk> walks = new ArrayList<>();
        long coveredComments = 0;
        WorkFeed shared = run == this.run ? sharedWork : null;
        for (Resource resource : resources) {
            String key = ledger.commentsKey(resource);
            if (shared != null) {
                // its parts come as they are claimed; the one planner of the thread reads what is covered
                ThreadWalk walk = ThreadWalk.unclaimed(resource, key, target, pageSize, runTag);
                walk.tally().knownTotal(ledger.knownTotal(key));
                // floors found by earlier runs are not shared out: each harvester walks those its own pages find
                planLists(walk, key, false);
                walks.add(walk);
                continue;
            }
            if (resume) {
                ledger.clearFailures(key);
            } else {
                ledger.forgetProgress(key);
            }
            List<Coverage> covered = ledger.coverage(key, orderTag);
            coveredComments += covered.stream().mapToLong(Coverage::count).sum();
            long watermark = ledger.watermark(key);
            watermarks.put(key, watermark);
            ThreadWalk walk = incremental && watermark >= 0
                    ? new ThreadWalk(resource, key, covered, Long.MAX_VALUE, pageSize, runTag, watermark)
                    : new ThreadWalk(resource, key, covered, target, pageSize, runTag);
            walk.tally().watermark(watermark);
            walk.tally().knownTotal(ledger.knownTotal(key));
            walk.tally().storedAtStart(ledger.hashSize(key), ledger.storedReplies(key));
            planLists(walk, key, true);
            walks.add(walk);
        }
        if (shared != null) {
            shared.plan(walks);
        }
        WorkQueue work = new WorkQueue(walks, inFlight, stopping, shared);
        run.planned(work);
        if (run != this.run) {
            // a stopping context stops every call's walk too
            this.run.whenStopping(work::wakeUp);
        }
        LOG.info(
                "Harvest of {} resource(s), {}, {} at a time{}",
                walks.size(),
                (incremental ? "incremental (what is newer than each thread's watermark; without one: " : "")
                        + (pages == 0 ? "every comment" : "the newest " + pages + " page(s) of " + pageSize)
                        + (incremental ? ")" : ""),
                concurrency,
                coveredComments > 0
                        ? "; " + coveredComments + " comment(s) already walked by earlier runs are skipped"
                                + " (harvest.resume=true)"
                        : "");
        return work;
    }

    private void planLists(ThreadWalk walk, String key, boolean earlierFloors) {
        if (lists.walksHot()) {
            walk.withHot(new HotList(lists.hotOrder() ? pages : 0, pageSize));
        }
        if (lists.hotOrder()) {
            walk.hotOnly();
        }
        if (lists.includeReplies()) {
            Floors floors = new Floors(pageSize);
            // resume=false has forgotten them; the walk finds them again on its pages
            if (earlierFloors) {
                ledger.floorStates(key).forEach(floors::add);
            }
            walk.withFloors(floors);
        }
    }

    /**
     * Route step after the split: reads what each walked hash holds now and leaves, as body, one meta record
     * per thread for the spring-redis endpoint to write.
     */
    public List<MetaRecord> metaRecords() {
        return metaRecords(run);
    }

    /** Route step: {@link #metaRecords()} of the exchange's run (a call of direct:harvest, else the application's). */
    public List<MetaRecord> metaRecordsOf(Exchange exchange) {
        return metaRecords(HarvestExchange.runOf(exchange, run));
    }

    private List<MetaRecord> metaRecords(HarvestRun run) {
        List<MetaRecord> records = new ArrayList<>();
        boolean runComplete = !run.isStopping();
        for (ThreadWalk walk : run.walks()) {
            walk.tally().settle(ledger.hashSize(walk.commentsKey()), ledger.storedReplies(walk.commentsKey()));
            walk.tally()
                    .lists(
                            lists.includeReplies() ? ledger.storedReplies(walk.commentsKey()) : -1,
                            lists.walksHot() ? ledger.storedHot(walk.commentsKey()) : -1);
            Map<String, String> meta = ledger.meta(walk, runComplete);
            long watermark = ledger.advanceWatermark(
                    walk.commentsKey(),
                    orderTag,
                    watermarks.getOrDefault(walk.commentsKey(), -1L),
                    walk.newestSliceDone());
            if (watermark >= 0) {
                meta.put(HarvestLedger.WATERMARK_FIELD, String.valueOf(watermark));
                walk.tally().watermark(watermark);
            }
            records.add(new MetaRecord(HarvestLedger.metaKey(walk.commentsKey()), meta));
        }
        return records;
    }

    /** Route step: the headers of one HMSET of a meta record. */
    public void prepareMeta(Exchange exchange) {
        MetaRecord record = exchange.getIn().getBody(MetaRecord.class);
        exchange.getIn().setHeader(RedisConstants.KEY, record.key());
        exchange.getIn().setHeader(RedisConstants.VALUES, record.fields());
    }

    /** The fields of one thread's meta hash. */
    public record MetaRecord(String key, Map<String, String> fields) {}
}
