package io.commentharvester.observe;

import java.util.concurrent.TimeUnit;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.report.HarvestMeters;
import io.commentharvester.report.RequestOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The harvest's own meters, as /observe/metrics shows them (Prometheus names): {@code harvest_requests_total
 * {outcome}}, {@code harvest_retries_total{cause}}, {@code harvest_pauses_total}, {@code harvest_pages_total{state}},
 * {@code harvest_comments_added_total}, {@code harvest_request_duration_seconds} (count, sum, max) and
 * {@code harvest_requests_in_flight}; and, while a run goes, its plan: {@code harvest_run_resources}.
 */
public final class HarvestMetrics {

    private HarvestMetrics() {}

    public static void bind(MeterRegistry registry, HarvestMeters meters, HarvestRun run) {
        for (RequestOutcome outcome : RequestOutcome.values()) {
            if (outcome != RequestOutcome.REDIS) {
                FunctionCounter.builder("harvest.requests", meters, m -> m.requests(outcome))
                        .description("Requests to the API, by how they ended")
                        .tag("outcome", outcome.label())
                        .register(registry);
            }
            if (outcome != RequestOutcome.OK) {
                FunctionCounter.builder("harvest.retries", meters, m -> m.retries(outcome))
                        .description("Pages tried again, by the cause of the failure before")
                        .tag("cause", outcome.label())
                        .register(registry);
            }
        }
        FunctionCounter.builder("harvest.pauses", meters, HarvestMeters::pauses)
                .description("Run-wide pauses after a rate-limit answer")
                .register(registry);
        FunctionCounter.builder("harvest.pages", meters, HarvestMeters::pagesOk)
                .description("Pages of comment lists, stored or given up on")
                .tag("state", "ok")
                .register(registry);
        FunctionCounter.builder("harvest.pages", meters, HarvestMeters::pagesFailed)
                .description("Pages of comment lists, stored or given up on")
                .tag("state", "failed")
                .register(registry);
        FunctionCounter.builder("harvest.comments.added", meters, HarvestMeters::commentsAdded)
                .description("Comments the runs added to Redis")
                .register(registry);
        Gauge.builder("harvest.requests.in.flight", meters, HarvestMeters::inFlight)
                .description("Requests on their way to the API")
                .register(registry);
        Timer latency = Timer.builder("harvest.request.duration")
                .description("Time from sending a request to the end of its answer")
                .register(registry);
        meters.onLatency(ms -> latency.record(ms, TimeUnit.MILLISECONDS));
        if (run != null) {
            Gauge.builder("harvest.run.resources", run, r -> r.isFinished() ? 0 : r.resources())
                    .description("Resources of the run going on (0 between runs)")
                    .register(registry);
        }
    }
}
