package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final FatalErrors fatalErrors =
            new FatalErrors(new PrintStream(err, true, StandardCharsets.UTF_8), exits::add);

    @AfterEach
    void uninstall() {
        fatalErrors.uninstall();
    }

    @Test
    void aThreadDyingOfOutOfMemoryEndsTheRunWithOneLine() throws Exception {
        fatalErrors.install();
        assertThat(FatalErrors.installed()).isSameAs(fatalErrors);
        Thread worker = new Thread(
                () -> {
                    throw new OutOfMemoryError("Java heap space");
                },
                "worker-1");
        worker.start();
        worker.join();

        await().atMost(Duration.ofSeconds(5)).until(() -> !exits.isEmpty());
        assertThat(exits).containsExactly(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("comment-harvester: fatal error in thread worker-1: OutOfMemoryError: Java heap space;"
                        + " the run is stopped (more heap: JAVA_OPTS=-Xmx512m)" + System.lineSeparator());
    }

    @Test
    void anErrorWrappedByCamelIsFatalAndOnlyTheFirstEndsTheRun() {
        assertThat(fatalErrors.check(new CamelExecutionException("page", null, new StackOverflowError()), "route r"))
                .isTrue();
        assertThat(fatalErrors.check(new OutOfMemoryError("again"), "route r")).isTrue();
        assertThat(exits).containsExactly(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("comment-harvester: fatal error in route r: StackOverflowError; the run is stopped");
    }

    @Test
    void ordinaryFailuresAreNotFatal() {
        assertThat(fatalErrors.check(new IllegalStateException("x", new RuntimeException()), "route r"))
                .isFalse();
        assertThat(fatalErrors.check(null, "route r")).isFalse();
        assertThat(FatalErrors.isFatal(new AssertionError("not a VM error"))).isFalse();
        assertThat(exits).isEmpty();
        assertThat(err.size()).isZero();
    }
}
