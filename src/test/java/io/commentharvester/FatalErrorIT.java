package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * A worker failing of an OutOfMemoryError in the real routes (a step that throws it, woven in before the page is
 * stored) ends the run through {@link FatalErrors}: one line, exit code 1. The process's exit is replaced by a
 * recorder here; {@link FatalErrors#exitJvm} is what the application uses.
 */
class FatalErrorIT extends HarvestTestSupport {

    @RegisterExtension
    static final TestSandbox SANDBOX =
            new TestSandbox(SandboxSettings.defaults().withCommentsPerThread(200));

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    private static final AtomicInteger EXIT = new AtomicInteger(-1);
    private static FatalErrors fatalErrors;

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.song-ids", "4242");
        properties.put("harvest.pages", "all");
        properties.put("harvest.page-size", "20");
        properties.put("harvest.concurrency", "2");
        // the page that died stays in flight: the test's context does not wait long for it at its end
        properties.put("camel.main.shutdown-timeout", "2");
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    /** Before the context is made: the routes' configuration finds the installed FatalErrors. */
    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        ERR.reset();
        EXIT.set(-1);
        fatalErrors = new FatalErrors(new PrintStream(ERR, true, StandardCharsets.UTF_8), EXIT::set);
        fatalErrors.install();
    }

    @AfterEach
    void uninstall() {
        fatalErrors.uninstall();
    }

    /** A plain step's Error is not caught by Camel: it goes up the worker's stack, and the page never completes. */
    @Test
    void anOutOfMemoryThrownThroughAStepEndsTheRunWithOneLineAndExitCodeOne() throws Exception {
        AdviceWith.adviceWith(
                context,
                "store-comment-page",
                route -> route.weaveAddFirst().process(exchange -> {
                    throw new OutOfMemoryError("injected by the test");
                }));
        context.start();
        assertFatalEnd();
    }

    /** A bean's Error (invoked by reflection) becomes the exchange's exception, handled as a failed page. */
    @Test
    void anOutOfMemoryOnTheExchangeEndsTheRunToo() throws Exception {
        AdviceWith.adviceWith(
                context,
                "store-comment-page",
                route -> route.weaveAddFirst()
                        .process(exchange -> exchange.setException(new OutOfMemoryError("injected by the test"))));
        context.start();
        assertFatalEnd();
    }

    private void assertFatalEnd() {
        await().atMost(Duration.ofSeconds(30)).until(() -> EXIT.get() != -1);
        assertThat(EXIT.get()).isEqualTo(ExitCodes.ERROR);
        assertThat(fatalErrors.fired()).isTrue();
        String err = ERR.toString(StandardCharsets.UTF_8);
        assertThat(err.lines()).hasSize(1);
        assertThat(err)
                .startsWith("comment-harvester: fatal error in route ")
                .contains("OutOfMemoryError: injected by the test; the run is stopped");
    }
}
