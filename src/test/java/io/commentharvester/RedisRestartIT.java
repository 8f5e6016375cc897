package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.PageRetryPolicy;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/** Redis goes away in the middle of a harvest and comes back: writes are retried and nothing is lost. */
class RedisRestartIT extends HarvestTestSupport {

    static final long SONG = 1_974_443_814L;
    static final int COMMENTS = 300;

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(
            SandboxSettings.defaults().withCommentsPerThread(COMMENTS).withLatencyMs(50));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.song-ids", String.valueOf(SONG));
        properties.put("harvest.pages", "all");
        properties.put("harvest.page-size", "10");
        properties.put("harvest.concurrency", "2");
        properties.put("harvest.max-attempts", "30");
        properties.put("harvest.retry-delay-ms", "20");
        properties.put("harvest.retry-max-delay-ms", "200");
    }

    @Test
    void aRedisRestartDuringTheRunLosesNoComment() {
        String key = "music_comment:" + SONG;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> redis().template().opsForHash().size(key) >= 40);
        PageRetryPolicy retries = context.getRegistry().lookupByNameAndType("pageRetryPolicy", PageRetryPolicy.class);
        int retriesBefore = retries.retries();
        redis().stopServer();
        // the writes of the pages in flight fail and are retried while Redis is away
        await().atMost(Duration.ofSeconds(30)).until(() -> retries.retries() >= retriesBefore + 4);
        redis().startServer();

        HarvestRun run = awaitRun();

        assertThat(run.exitCode()).isZero();
        assertThat(run.commentsAdded()).isEqualTo(COMMENTS);
        assertThat(redis().template().opsForHash().size(key)).isEqualTo(COMMENTS);
        assertThat(redis().template().opsForHash().get(key + ":meta", "endReached"))
                .isEqualTo("true");
    }
}
