package io.commentharvester.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Splits the page range of every configured resource into page requests, leaving out pages already stored. */
public class HarvestPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestPlanner.class);

    private final List<Long> songIds;
    private final int pages;
    private final int pageSize;
    private final boolean resume;
    private final HarvestLedger ledger;
    private final HarvestRun run;

    public HarvestPlanner(List<Long> songIds, int pages, int pageSize, boolean resume, HarvestLedger ledger,
            HarvestRun run) {
        this.songIds = List.copyOf(songIds);
        this.pages = pages;
        this.pageSize = pageSize;
        this.resume = resume;
        this.ledger = ledger;
        this.run = run;
    }

    /** The pages to fetch in this run, resource by resource, in page order. */
    public List<PageRequest> plan() {
        List<PageRequest> plan = new ArrayList<>();
        int skipped = 0;
        for (long songId : songIds) {
            Set<Integer> stored;
            if (resume) {
                stored = ledger.storedPages(songId);
            } else {
                ledger.forgetProgress(songId);
                stored = Set.of();
            }
            for (int pageNo = 1; pageNo <= pages; pageNo++) {
                if (stored.contains(pageNo)) {
                    skipped++;
                } else {
                    plan.add(PageRequest.song(songId, pageNo, pageSize));
                }
            }
        }
        run.planned(songIds.size(), plan.size(), skipped);
        LOG.info("Harvest of {} song(s): {} page(s) to fetch{}", songIds.size(), plan.size(),
                skipped > 0 ? ", " + skipped + " already stored (harvest.resume=true)" : "");
        return plan;
    }
}
