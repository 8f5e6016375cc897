package io.commentharvester.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;

/** A sandbox on a free port for the whole test class: {@code @RegisterExtension static final TestSandbox ...}. */
public final class TestSandbox implements BeforeAllCallback, AfterAllCallback {

    private final SandboxSettings settings;
    private SandboxServer server;

    public TestSandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    public SandboxServer server() {
        if (server == null) {
            throw new IllegalStateException("the sandbox starts before the test class's tests");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = SandboxServer.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
