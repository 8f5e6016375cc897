package io.commentharvester.observe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the API host's name resolves and it takes a TCP connection on its port (no request is sent: the site
 * counts requests, not connections).
 */
final class ApiHostHealthCheck extends AbstractHealthCheck {

    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final String host;
    private final int port;

    ApiHostHealthCheck(URI baseUrl) {
        super("comment-harvester", "api-host");
        this.host = baseUrl.getHost();
        this.port = baseUrl.getPort() > 0 ? baseUrl.getPort() : "https".equals(baseUrl.getScheme()) ? 443 : 80;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("host", host + ":" + port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            builder.up();
        } catch (IOException | IllegalArgumentException e) {
            builder.down().message("cannot connect to " + host + ":" + port + ": " + e);
        }
    }
}
