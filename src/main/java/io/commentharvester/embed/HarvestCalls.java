package io.commentharvester.embed;

import java.util.List;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.config.HarvestSettings;
import io.commentharvester.harvest.HarvestExchange;
import io.commentharvester.harvest.HarvestPlanner;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.walk.ThreadWalk;
import io.commentharvester.harvest.walk.WalkTally;
import io.commentharvester.harvest.walk.WorkQueue;

/**
 * The steps of {@code direct:harvest} (routes/harvest-on-call.camel.yaml): each call plans its own harvest of the
 * resources its headers name, with the application's settings, and gets back the summary as JSON. Calls at once
 * share the harvest thread pool, the request gate and Redis; each has its own run (tally, queue, exit code).
 */
public class HarvestCalls {

    /** Header: the resources to harvest, as {@code harvest.resources} takes them ({@code song:1,album:2}). */
    public static final String RESOURCES = "harvestResources";
    /** Header: {@code all} or a number of newest pages per thread; absent: {@code harvest.pages}. */
    public static final String PAGES = "harvestPages";

    private final HarvestPlanner planner;
    /** Made on first use (a harvest not called through direct:harvest does not set up jackson-databind). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public HarvestCalls(HarvestPlanner planner) {
        this.planner = planner;
    }

    /** Route step: reads the headers, plans the call's run and leaves its work as the body for the split. */
    public WorkQueue begin(Exchange exchange) {
        String resources = exchange.getIn().getHeader(RESOURCES, String.class);
        if (resources == null || resources.isBlank()) {
            throw new IllegalArgumentException("header " + RESOURCES + " names no resource (song:<id>,album:<id>,...)");
        }
        String pagesHeader = exchange.getIn().getHeader(PAGES, String.class);
        List<Resource> parsed = HarvestSettings.parseResources(resources);
        int pages = pagesHeader == null || pagesHeader.isBlank()
                ? planner.pages()
                : HarvestSettings.parsePagesValue(pagesHeader);
        HarvestRun run = new HarvestRun(null);
        exchange.setProperty(HarvestExchange.RUN, run);
        return planner.planCall(parsed, pages, run);
    }

    /** Route step, last: the call's run is over; its summary as the JSON body. */
    public String finish(Exchange exchange) throws Exception {
        HarvestRun run = exchange.getProperty(HarvestExchange.RUN, HarvestRun.class);
        run.finish();
        exchange.removeProperty(HarvestExchange.RUN);
        return Json.MAPPER.writeValueAsString(summary(run));
    }

    /** The summary of a finished run: what the command line prints, as a JSON object. */
    public ObjectNode summary(HarvestRun run) {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("resources", run.resources());
        summary.put("pagesOk", run.pagesOk());
        summary.put("pagesFailed", run.pagesFailed());
        summary.put("commentsAdded", run.commentsAdded());
        summary.put("commentsStored", run.commentsStored());
        summary.put("complete", run.isComplete() && run.pagesFailed() == 0);
        summary.put("exitCode", run.exitCode());
        summary.put("seconds", Math.round(run.seconds() * 1000) / 1000.0);
        summary.put("summary", run.summaryLine());
        if (run.stopReason() != null) {
            summary.put("stopReason", run.stopReason());
        }
        ArrayNode threads = summary.putArray("threads");
        for (ThreadWalk walk : run.walks()) {
            WalkTally tally = walk.tally();
            ObjectNode thread = threads.addObject();
            thread.put("resource", walk.resource().toString());
            thread.put("threadId", walk.resource().threadId());
            thread.put("key", walk.commentsKey());
            thread.put("added", tally.added());
            thread.put("stored", Math.max(0, tally.stored()));
            thread.put("totalCount", tally.totalCount());
            if (Double.isNaN(tally.completeness())) {
                thread.putNull("completeness");
            } else {
                thread.put("completeness", tally.completeness());
            }
            thread.put("endReached", walk.endReached());
            thread.put("complete", walk.isComplete());
        }
        ObjectNode failures = summary.putObject("failures");
        run.failures().forEach(failures::put);
        return summary;
    }
}
