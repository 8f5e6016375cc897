package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/** An answer slower than http.response-timeout-ms fails its request with a timeout. */
class HarvestTimeoutIT extends HarvestTestSupport {

    static final long SONG = 186016L;

    @RegisterExtension
    static final TestSandbox SANDBOX =
            new TestSandbox(SandboxSettings.defaults().withCommentsPerThread(40).withLatencyMs(1500));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.song-ids", String.valueOf(SONG));
        properties.put("harvest.pages", "2");
        properties.put("harvest.concurrency", "2");
        properties.put("harvest.max-attempts", "1");
        properties.put("http.response-timeout-ms", "300");
    }

    @Test
    void aResponseSlowerThanTheResponseTimeoutFailsThePageWithATimeout() {
        HarvestRun run = awaitRun();

        // the walk cannot go past its first page
        assertThat(run.pagesFailed()).isEqualTo(1);
        assertThat(sandbox().stats().requestCount()).isEqualTo(1);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.failures().values())
                .allSatisfy(error -> assertThat(error).contains("SocketTimeoutException"));
        Map<Object, Object> failed = redis().template().opsForHash().entries("music_comment:" + SONG + ":failed");
        assertThat(failed).containsOnlyKeys("newest page");
        assertThat(redis().template().hasKey("music_comment:" + SONG)).isFalse();
        assertThat(redis().template().opsForHash().get("music_comment:" + SONG + ":meta", "endReached"))
                .isEqualTo("false");
    }
}
