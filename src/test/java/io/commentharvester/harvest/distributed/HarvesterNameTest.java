package io.commentharvester.harvest.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HarvesterNameTest {

    @Test
    void thisProcessIsAliveAndNamedByHostAndPid() {
        String name = HarvesterName.current();
        assertThat(name)
                .isEqualTo(HarvesterName.host() + ":" + ProcessHandle.current().pid());
        assertThat(HarvesterName.isDeadHere(name)).isFalse();
    }

    @Test
    void aPidOfThisHostThatIsGoneIsDeadButAnotherHostsProcessNeverIs() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        assertThat(HarvesterName.isDeadHere(HarvesterName.host() + ":" + exited.pid()))
                .isTrue();
        assertThat(HarvesterName.isDeadHere("some-other-host.invalid:" + exited.pid()))
                .isFalse();
        assertThat(HarvesterName.isDeadHere("no-pid")).isFalse();
    }
}
