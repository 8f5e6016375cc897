package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of a running server's APIs share: one sandbox with the default settings for the whole test class,
 * a client of it, and the stats forgotten before each test.
 */
abstract class SandboxServerTestSupport {

    static final String THREAD = "R_SO_4_1359645265";

    static SandboxServer server;
    static SandboxClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxSettings.defaults());
        client = new SandboxClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void resetStats() {
        server.stats().reset();
    }

    /** The only request the server recorded since the test began. */
    static RecordedRequest single() {
        List<RecordedRequest> requests = server.stats().requests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
