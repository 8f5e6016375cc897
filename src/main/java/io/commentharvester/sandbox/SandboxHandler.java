package io.commentharvester.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * What the {@link SandboxServer} does with each HTTP exchange: the stats endpoint, or a weapi request counted in
 * flight, decided by the {@link WeapiDispatcher} on arrival, answered after the latency (and a hang), recorded, and
 * sent at once, a byte at a time when trickling, or never when silent.
 */
final class SandboxHandler implements HttpHandler {

    private final SandboxSettings settings;
    private final SandboxStats stats;
    private final WeapiDispatcher dispatcher;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long trickleMs;
    private volatile boolean silent;

    SandboxHandler(SandboxSettings settings, SandboxStats stats, WeapiDispatcher dispatcher) {
        this.settings = settings;
        this.stats = stats;
        this.dispatcher = dispatcher;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(method) && SandboxServer.STATS_PATH.equals(path)) {
            try (exchange) {
                HttpReplies.drain(exchange.getRequestBody());
                String json =
                        stats.toJson(StatsJson.recent(exchange.getRequestURI().getRawQuery()));
                HttpReplies.send(exchange, 200, SandboxJson.CONTENT_TYPE, json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // the client went away; nothing to record for the control endpoint
            }
            return;
        }
        stats.entered();
        // the request is over for the client once the last byte of its answer is on its way: counted as left then,
        // so that a client's next request cannot arrive before this one left (in-flight counts stay exact)
        Runnable left = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    stats.left();
                }
            }
        };
        try {
            byte[] body = HttpReplies.drain(exchange.getRequestBody());
            // decided on arrival (the rate limit counts arrivals), answered after the latency
            RequestDecoder.Trace trace = new RequestDecoder.Trace();
            RequestCookies cookies =
                    RequestCookies.parse(exchange.getRequestHeaders().get("Cookie"));
            Answer answer = dispatcher.dispatch(method, path, body, cookies, trace);
            pause(settings.latencyMs()
                    + (settings.jitterMs() > 0 ? ThreadLocalRandom.current().nextLong(settings.jitterMs() + 1) : 0));
            stats.record(new RecordedRequest(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    trace.innerJson,
                    trace.encSecKeyLength,
                    answer.outcome(),
                    HttpReplies.headers(exchange),
                    cookies));
            if (answer.hang()) {
                pause(settings.hangMs());
            }
            if (silent) {
                // a server that stopped answering: the connection stays open, nothing comes back
                pause(Long.MAX_VALUE);
                return;
            }
            HttpReplies.send(
                    exchange,
                    answer.status(),
                    answer.contentType(),
                    answer.body(),
                    trickleMs,
                    this::pause,
                    closed::get,
                    left);
        } catch (IOException | RuntimeException e) {
            // the client went away or the sandbox is closing: the exchange is closed below
        } finally {
            exchange.close();
            left.run();
        }
    }

    /** Answers a byte every {@code millis} from now on (0: at once). */
    void setTrickleMs(long millis) {
        this.trickleMs = Math.max(0, millis);
    }

    /** From now on (true), requests are accepted and never answered. */
    void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Releases the handlers that wait (latency, hangs, silence); true the first time, false once closed. */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closing.countDown();
        return true;
    }

    /** Waits {@code millis}, or less when the sandbox is closed meanwhile. */
    private void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
