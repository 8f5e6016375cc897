package io.commentharvester.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import com.sun.net.httpserver.HttpExchange;

/** Reading requests and writing answers on the JDK HTTP server: the sandbox's wire level. */
final class HttpReplies {

    private HttpReplies() {}

    /** The request's headers, names in lower case, repeated values joined. */
    static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header :
                exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(", ", header.getValue()));
        }
        return headers;
    }

    static byte[] drain(InputStream body) throws IOException {
        try (body) {
            return body.readAllBytes();
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        send(exchange, status, contentType, body, () -> {});
    }

    /** As {@link #send(HttpExchange, int, String, byte[])}, running {@code lastBytes} (which must be
     * idempotent) right before the last bytes go out. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body, Runnable lastBytes)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (body.length == 0) {
            // no body: the headers are the answer's last bytes
            lastBytes.run();
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            lastBytes.run();
            out.write(body);
        }
    }

    /**
     * As {@link #send(HttpExchange, int, String, byte[], Runnable)}, the body a byte at a time every {@code
     * trickleMs} (waited with {@code pause}) until it is written or {@code closed} says the sandbox is closing;
     * {@code lastBytes} runs right before the last byte goes out.
     */
    static void send(
            HttpExchange exchange,
            int status,
            String contentType,
            byte[] body,
            long trickleMs,
            LongConsumer pause,
            BooleanSupplier closed,
            Runnable lastBytes)
            throws IOException {
        if (trickleMs <= 0) {
            send(exchange, status, contentType, body, lastBytes);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < body.length; i++) {
                if (i == body.length - 1) {
                    lastBytes.run();
                }
                out.write(body[i]);
                out.flush();
                pause.accept(trickleMs);
                if (closed.getAsBoolean()) {
                    return;
                }
            }
        }
    }
}
