package io.commentharvester.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.commentharvester.harvest.HarvestRun;

class HarvestMetersTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    @Test
    void pagesAndCommentsAddUpOverRunsThatEachStartFromZero() {
        HarvestRun run = new HarvestRun(null);
        HarvestMeters meters = new HarvestMeters();
        meters.follow(run);
        assertThat(meters.pagesOk()).isZero();

        run.begin(new DefaultExchange(context));
        run.pageStored(20);
        run.pageStored(5);
        assertThat(meters.pagesOk()).isEqualTo(2);
        assertThat(meters.commentsAdded()).isEqualTo(25);
        run.finish();
        meters.runEnded();
        meters.runEnded();
        assertThat(meters.pagesOk()).as("a run is added up once").isEqualTo(2);

        run.begin(new DefaultExchange(context));
        assertThat(run.pagesOk()).isZero();
        run.pageStored(7);
        assertThat(meters.pagesOk()).isEqualTo(3);
        assertThat(meters.commentsAdded()).isEqualTo(32);
        assertThat(meters.pagesFailed()).isZero();
    }

    @Test
    void requestsRetriesLatencyAndInFlightAreCountedAsTold() {
        HarvestMeters meters = new HarvestMeters();
        List<Long> told = new ArrayList<>();
        meters.onLatency(told::add);
        meters.requestSent();
        meters.requestSent();
        assertThat(meters.inFlight()).isEqualTo(2);
        meters.requestDone(30);
        meters.requestDone(50);
        meters.requestEnded(RequestOutcome.OK);
        meters.requestEnded(RequestOutcome.RATE_LIMITED);
        meters.retried(RequestOutcome.RATE_LIMITED);
        meters.pausesFrom(() -> 4);

        assertThat(meters.inFlight()).isZero();
        assertThat(meters.requests()).isEqualTo(2);
        assertThat(meters.requests(RequestOutcome.RATE_LIMITED)).isEqualTo(1);
        assertThat(meters.retries()).isEqualTo(1);
        assertThat(meters.latencyCount()).isEqualTo(2);
        assertThat(meters.latencyTotalMs()).isEqualTo(80);
        assertThat(meters.latencyMaxMs()).isEqualTo(50);
        assertThat(told).containsExactly(30L, 50L);
        assertThat(meters.pauses()).isEqualTo(4);
    }
}
