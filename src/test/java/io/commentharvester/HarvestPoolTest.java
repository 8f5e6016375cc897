package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.Test;

/** The harvest pool: a thread for the split's dispatcher beside the workers, and a task queue. */
class HarvestPoolTest {

    private static ThreadPoolProfile profile(int pool, int queue) {
        ThreadPoolProfile profile = new ThreadPoolProfile("harvest");
        profile.setPoolSize(pool);
        profile.setMaxPoolSize(pool);
        profile.setMaxQueueSize(queue);
        return profile;
    }

    @Test
    void aPoolOfTheConcurrencyGetsTheDispatchersThread() {
        ThreadPoolProfile profile = profile(10, 1000);

        HarvesterConfiguration.harvestPool(profile, 10);

        assertThat(profile.getPoolSize()).isEqualTo(11);
        assertThat(profile.getMaxPoolSize()).isEqualTo(11);
        assertThat(profile.getMaxQueueSize()).isEqualTo(1000);
    }

    @Test
    void aPoolWithoutQueueGetsOneSoThatTheDispatcherNeverRunsAPageItself() {
        for (int noQueue : new int[] {0, -1}) {
            ThreadPoolProfile profile = profile(4, noQueue);

            HarvesterConfiguration.harvestPool(profile, 4);

            assertThat(profile.getMaxQueueSize()).isEqualTo(10);
        }
    }

    @Test
    void aPoolSizedOtherwiseByTheUserKeepsItsSize() {
        ThreadPoolProfile profile = profile(16, 50);

        HarvesterConfiguration.harvestPool(profile, 10);

        assertThat(profile.getPoolSize()).isEqualTo(16);
        assertThat(profile.getMaxQueueSize()).isEqualTo(50);
    }
}
