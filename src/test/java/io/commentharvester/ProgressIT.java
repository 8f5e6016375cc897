package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.sandbox.FaultKind;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.sandbox.SandboxStats;
import io.commentharvester.support.InProcessHarvest;
import io.commentharvester.support.JarProcess;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * The progress of a packaged run whose output is a pipe: INFO lines while it goes, whose last one counts what the
 * summary counts, and whose retries are the failed answers the sandbox served; then the table per resource.
 */
class ProgressIT {

    private static final int COMMENTS = 600;

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(SandboxSettings.defaults()
            .withCommentsPerThread(COMMENTS)
            .withLatencyMs(15)
            .withFaultRate(0.15)
            .withMaxFaultsPerPage(2)
            .withFaultKinds(FaultKind.HTTP_503, FaultKind.TRUNCATED_JSON, FaultKind.TOO_FREQUENT)
            .withSeed(11));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    private static final Pattern PROGRESS = Pattern.compile(
            "Progress: (\\d+) page\\(s\\) ok, (\\d+) failed of (~?)(\\d+), (\\d+) comments added, (\\d+) stored"
                    + "(?: of (\\d+))?.*, (\\d+) retr(?:y|ies), (\\d+) pauses?$");
    private static final Pattern SUMMARY = Pattern.compile(
            "harvest done: 2 resource\\(s\\), (\\d+) page\\(s\\) ok, (\\d+) failed, (\\d+) comments added, (\\d+) stored"
                    + " of (\\d+) \\(100\\.0%\\)");

    @Test
    void theLastProgressLineCountsWhatTheSummaryCountsAndTheRetriesAreTheFaultsServed() throws Exception {
        SANDBOX.server().stats().reset();
        JarProcess run = JarProcess.start(
                Map.of(),
                List.of(),
                InProcessHarvest.args(
                        SANDBOX.server(),
                        REDIS,
                        "--harvest.resources=song:81,album:82",
                        "--harvest.pages=all",
                        "--harvest.concurrency=4",
                        "--harvest.max-requests-per-second=0",
                        "--harvest.rate-limit-pause-ms=50",
                        "--harvest.rate-limit-max-pause-ms=100",
                        "--harvest.progress-interval-ms=150",
                        "--redis.key-prefix=progress:"));
        assertThat(run.exitCode()).as(run.text()).isZero();
        List<String> lines = run.text().lines().toList();

        List<Matcher> progress =
                lines.stream().map(PROGRESS::matcher).filter(Matcher::find).toList();
        assertThat(progress).as(run.text()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(progress.get(0).group(3))
                .as("a running line estimates its plan")
                .isEqualTo("~");
        Matcher last = progress.get(progress.size() - 1);
        Matcher summary = lines.stream()
                .map(SUMMARY::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no summary in\n" + run.text()));

        assertThat(last.group(3)).as("the last line's plan is what was done").isEmpty();
        assertThat(last.group(1)).as("pages ok").isEqualTo(summary.group(1));
        assertThat(last.group(2)).as("pages failed").isEqualTo(summary.group(2));
        assertThat(Long.parseLong(last.group(4))).isEqualTo(Long.parseLong(summary.group(1)));
        assertThat(last.group(5))
                .as("comments added")
                .isEqualTo(summary.group(3))
                .isEqualTo("" + 2 * COMMENTS);
        assertThat(last.group(6)).as("stored").isEqualTo(summary.group(4));
        assertThat(last.group(7)).as("totalCount").isEqualTo(summary.group(5));

        SandboxStats stats = SANDBOX.server().stats();
        int faults = stats.requestCount() - stats.count("ok");
        assertThat(faults).as("the sandbox injected faults").isPositive();
        assertThat(Integer.parseInt(last.group(8)))
                .as("every failed answer was retried")
                .isEqualTo(faults);
        assertThat(stats.count("ok")).isEqualTo(Integer.parseInt(summary.group(1)));

        int summaryAt = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith("harvest done:"))
                .findFirst()
                .orElseThrow());
        assertThat(lines.subList(summaryAt - 3, summaryAt))
                .satisfiesExactly(
                        header -> assertThat(header)
                                .matches("resource +pages ok +failed +added +in all +totalCount +complete +seconds"),
                        song -> assertThat(song).matches("song:81 +\\d+ +0 +600 +600 +600 +100\\.0% +\\d+\\.\\d"),
                        album -> assertThat(album).matches("album:82 +\\d+ +0 +600 +600 +600 +100\\.0% +\\d+\\.\\d"));
    }
}
