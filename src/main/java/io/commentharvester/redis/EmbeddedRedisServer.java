package io.commentharvester.redis;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (the binary shipped in the embedded-redis jar) run as a child process that only this
 * class stops: in a session of its own, so Ctrl-C in the terminal does not reach it, and with no JVM shutdown
 * hook of its own, so pages still in flight at SIGTERM can be stored before it goes.
 */
final class EmbeddedRedisServer {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final int port;

    private EmbeddedRedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EmbeddedRedisServer start(Path dataDir, int port) throws IOException {
        File binary = ExecutableProvider.newJarResourceProvider().get();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of(binary.getAbsolutePath(),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir", dataDir.toString(),
                "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("redis-server.log").toFile()))
                .start();
        EmbeddedRedisServer server = new EmbeddedRedisServer(process, port);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited at start with code " + process.exitValue()
                        + " (see redis-server.log in the data folder)");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    // the server is still loading: it listens within milliseconds
                    process.waitFor(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while redis-server started", e);
                }
            }
        }
        stop();
        throw new IOException("redis-server did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT_MS + " ms");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM: Redis flushes its append-only file and exits; killed if it takes longer than 10 s. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
