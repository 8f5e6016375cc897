package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.JarProcess;
import io.commentharvester.support.SharedHarvest;
import io.commentharvester.support.TestRedis;

/**
 * harvest.distributed at 50 ms a page: one harvester of four workers, then three sharing the same harvest (a
 * 20 000-comment thread and 20 small songs), each in its own JVM started as bin/comment-harvester starts it. Prints
 * how long three take against one, from start to exit and from planning to the end.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DistributedSpeedIT {

    static SandboxServer sandbox;
    static TestRedis redis;
    static SharedHarvest harvest;

    @BeforeAll
    static void startServers() throws IOException {
        sandbox = SandboxServer.start(SandboxSettings.defaults().withLatencyMs(50));
        sandbox.corpus().threadSize("R_SO_4_" + SharedHarvest.DEEP, SharedHarvest.DEEP_COMMENTS);
        redis = TestRedis.start(null);
        harvest = new SharedHarvest(sandbox, redis, 3_000);
    }

    @AfterAll
    static void stopServers() {
        sandbox.close();
        redis.close();
    }

    @Test
    void threeHarvestersOfFourWorkersEachShareTheWorkAndFinishSoonerThanOne() throws Exception {
        sandbox.stats().reset();
        long oneStarted = System.nanoTime();
        JarProcess one = SharedHarvest.start(harvest.args("speed-one:"));
        assertThat(one.exitCode()).as(one.text()).isZero();
        double oneSeconds = (System.nanoTime() - oneStarted) / 1e9;
        String oneLoad = load();

        String[] shared = harvest.args("speed-three:", "--harvest.distributed=true");
        sandbox.stats().reset();
        long threeStarted = System.nanoTime();
        List<JarProcess> three =
                List.of(SharedHarvest.start(shared), SharedHarvest.start(shared), SharedHarvest.start(shared));
        List<String> harvestSeconds = new ArrayList<>();
        for (JarProcess harvester : three) {
            assertThat(harvester.exitCode()).as(harvester.text()).isZero();
            harvestSeconds.add(harvestSeconds(harvester.text()));
        }
        double threeSeconds = (System.nanoTime() - threeStarted) / 1e9;
        for (String song : SharedHarvest.songs()) {
            assertThat(redis.template().opsForHash().size("speed-three:" + song))
                    .isEqualTo(redis.template().opsForHash().size("speed-one:" + song));
        }
        // every harvester walked a share of the pages, and none walked them all
        for (JarProcess harvester : three) {
            assertThat(pagesOk(harvester.text())).isBetween(1, pagesOk(one.text()) * 3 / 4);
        }
        // from start to exit, and from planning to the end (each process's own "harvest done" time: without the
        // JVMs' start, which three processes starting at once on a machine of two cores make longer)
        double slowestHarvest =
                harvestSeconds.stream().mapToDouble(Double::parseDouble).max().orElseThrow();
        System.out.printf(
                "one harvester: %.1f s (harvest %s s, %s), three: %.1f s (harvest %s s, %s): %.2fx from start to"
                        + " exit, %.2fx from planning to the end, %d workers each, 50 ms latency%n",
                oneSeconds,
                harvestSeconds(one.text()),
                oneLoad,
                threeSeconds,
                String.join(" / ", harvestSeconds),
                load(),
                threeSeconds / oneSeconds,
                slowestHarvest / Double.parseDouble(harvestSeconds(one.text())),
                SharedHarvest.WORKERS);
        // the target is 0.45x from start to exit (SharedWalkTest: 0.28x of the pages' time, without CPU limits); on
        // two cores, where the sandbox's decryption and three JVMs starting at once compete for the CPU, measured
        // 0.47x to 0.58x run alone (medians 0.50x, 0.52x and 0.49x on three days) and 0.50x to 0.65x in full builds
        // (0.38x to 0.51x from planning to the end), with the launcher's start-up archive. The bounds here say
        // sooner, which harvesters that each walked everything are not (the share of pages each walked is checked
        // above), and that the walk is shared while it runs: three that took turns would take about as long as one
        // from planning to the end
        assertThat(threeSeconds / oneSeconds).isLessThan(1.0);
        assertThat(slowestHarvest / Double.parseDouble(harvestSeconds(one.text())))
                .isLessThan(0.7);
    }

    private static String load() {
        return String.format(
                java.util.Locale.ROOT,
                "%.1f in flight on average, at most %d",
                sandbox.stats().averageInFlight(),
                sandbox.stats().maxInFlight());
    }

    private static String harvestSeconds(String output) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("harvest done: .*, ([0-9.]+) s").matcher(output);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static int pagesOk(String output) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("harvest done: [^,]*, (\\d+) page\\(s\\) ok")
                .matcher(output);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
