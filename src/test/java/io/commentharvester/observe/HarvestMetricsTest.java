package io.commentharvester.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.report.HarvestMeters;
import io.commentharvester.report.RequestOutcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The harvest's meters as Prometheus shows them: names, labels and the counts the meters hold. */
class HarvestMetricsTest {

    @Test
    void theScrapeShowsEveryOutcomeAndCauseWithTheMetersCounts() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HarvestMeters meters = new HarvestMeters();
        HarvestRun run = new HarvestRun(null);
        meters.follow(run);
        HarvestMetrics.bind(registry, meters, run);

        meters.requestSent();
        meters.requestDone(250);
        meters.requestEnded(RequestOutcome.OK);
        meters.requestSent();
        meters.requestEnded(RequestOutcome.MALFORMED);
        meters.retried(RequestOutcome.MALFORMED);
        meters.pausesFrom(() -> 2);

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("harvest_requests_total{outcome=\"ok\"} 1.0")
                .contains("harvest_requests_total{outcome=\"malformed\"} 1.0")
                .contains("harvest_requests_total{outcome=\"rate-limited\"} 0.0")
                .contains("harvest_retries_total{cause=\"malformed\"} 1.0")
                .contains("harvest_retries_total{cause=\"redis\"} 0.0")
                .contains("harvest_pauses_total 2.0")
                .contains("harvest_requests_in_flight 1.0")
                .contains("harvest_request_duration_seconds_count 1")
                .contains("harvest_request_duration_seconds_sum 0.25")
                .contains("harvest_pages_total{state=\"ok\"} 0.0")
                .contains("harvest_comments_added_total 0.0");
        assertThat(scrape).doesNotContain("harvest_requests_total{outcome=\"redis\"}");
    }
}
