package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.support.JarProcess;
import io.commentharvester.support.TestRedis;

/**
 * One precedence everywhere: --key=value, then -Dkey=value, then the environment variables application.properties
 * names ({{env:REDIS_URL:}}), then the file. A variable named after a key (HARVEST_PAGES) is not a setting.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SettingsPrecedenceIT {

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    static final AtomicLong SONGS = new AtomicLong(6_100_000L);
    /** Nothing listens there: a run that used it would fail. */
    static final String DEAD_REDIS = "redis://127.0.0.1:1/0";

    private static String[] sandboxArgs(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--sandbox",
                "--sandbox.comments-per-thread=200",
                "--harvest.page-size=5",
                "--harvest.max-requests-per-second=0",
                "--harvest.song-ids=" + SONGS.incrementAndGet()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void commandLineBeatsSystemPropertyWhichBeatsEnvironmentNamesAndTheFile() throws Exception {
        Map<String, String> env = Map.of("HARVEST_PAGES", "3", "REDIS_URL", DEAD_REDIS);
        JarProcess run = JarProcess.start(
                env,
                List.of("-Dharvest.pages=4", "-Dredis.url=" + DEAD_REDIS),
                sandboxArgs("--harvest.pages=2", "--redis.url=" + REDIS.url()));
        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("harvest done: 1 resource(s)").contains(" 10 comments added");
    }

    @Test
    void systemPropertyBeatsTheFileAndAVariableNamedAfterTheKeyIsIgnored() throws Exception {
        Map<String, String> env = Map.of("HARVEST_PAGES", "3", "REDIS_URL", REDIS.url());
        JarProcess run = JarProcess.start(env, List.of("-Dharvest.pages=4"), sandboxArgs());
        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("harvest done: 1 resource(s)").contains(" 20 comments added");
    }

    @Test
    void theFileAppliesWhenOnlyAVariableNamedAfterTheKeyIsSet() throws Exception {
        Map<String, String> env = Map.of("HARVEST_PAGES", "3", "HARVEST_PAGE_SIZE", "7", "REDIS_URL", REDIS.url());
        JarProcess run = JarProcess.start(env, List.of(), sandboxArgs());
        assertThat(run.exitCode()).as(run.text()).isZero();
        // application.properties: harvest.pages=10
        assertThat(run.text()).contains("harvest done: 1 resource(s)").contains(" 50 comments added");
    }

    @Test
    void inProcessTheCommandLineBeatsASystemProperty() {
        String before = System.getProperty("harvest.pages");
        System.setProperty("harvest.pages", "4");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new Application(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                    .run(sandboxArgs("--harvest.pages=3", "--redis.url=" + REDIS.url()));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("harvest done: 1 resource(s)")
                    .contains(" 15 comments added");
        } finally {
            if (before == null) {
                System.clearProperty("harvest.pages");
            } else {
                System.setProperty("harvest.pages", before);
            }
        }
    }
}
