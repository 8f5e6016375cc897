package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * One request in five gets a fault of every kind the real API shows (503, a hang past the response timeout,
 * a truncated body, -460 Cheating, 405 too frequent): retries with backoff still store every comment once.
 */
class FaultToleranceIT extends HarvestTestSupport {

    static final long SONG = 29_732_235L;
    static final int COMMENTS = 400;

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(SandboxSettings.defaults()
            .withCommentsPerThread(COMMENTS)
            .withLatencyMs(5)
            .withFaultRate(0.2)
            .withMaxFaultsPerPage(2)
            .withHangMs(2_000)
            .withSeed(7));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.song-ids", String.valueOf(SONG));
        properties.put("harvest.pages", "all");
        properties.put("harvest.page-size", "10");
        properties.put("harvest.concurrency", "4");
        properties.put("harvest.max-attempts", "5");
        properties.put("http.response-timeout-ms", "400");
    }

    @Test
    void everyCommentIsStoredExactlyOnceDespiteTwentyPercentFaults() {
        HarvestRun run = awaitRun();

        Map<String, Integer> outcomes = sandbox().stats().countsByOutcome();
        assertThat(outcomes).containsKeys("http-503", "hang", "truncated-json", "cheating", "too-frequent");
        int faults = outcomes.entrySet().stream()
                .filter(e -> !e.getKey().equals("ok"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        assertThat(faults).isGreaterThanOrEqualTo(5);

        assertThat(run.exitCode()).isZero();
        assertThat(run.pagesOk()).isEqualTo(outcomes.get("ok")).isGreaterThanOrEqualTo(40);
        assertThat(run.pagesFailed()).isZero();
        Set<String> expected = sandbox().corpus().comments("R_SO_4_" + SONG).stream()
                .map(c -> c.get("commentId").asText())
                .collect(Collectors.toSet());
        Set<Object> stored = redis().template().opsForHash().keys("music_comment:" + SONG);
        assertThat(stored).hasSize(COMMENTS).map(Object::toString).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run.commentsStored()).isEqualTo(COMMENTS);
        assertThat(run.commentsAdded()).isEqualTo(COMMENTS);
        assertThat(redis().template().hasKey("music_comment:" + SONG + ":failed"))
                .isFalse();
    }
}
