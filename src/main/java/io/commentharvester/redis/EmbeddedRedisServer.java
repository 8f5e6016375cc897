package io.commentharvester.redis;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** How long a server may take to load a large data file before it answers. */
    private static final long LOAD_TIMEOUT_MS = 600_000;

    private static final String LOCK_FILE = ".lock";
    private static final String PID_FILE = "redis-server.pid";

    private final Process process;
    private final int port;
    private final FileChannel lockChannel;

    private EmbeddedRedisServer(Process process, int port, FileChannel lockChannel) {
        this.process = process;
        this.port = port;
        this.lockChannel = lockChannel;
    }

    /**
     * Starts a server on the data folder, which one harvester at a time may use: its lock is held until
     * {@link #stop()}. A server left running on the folder by a killed harvester is stopped first.
     */
    static EmbeddedRedisServer start(Path dataDir, int port) throws IOException {
        FileChannel lockChannel =
                FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another harvester is using the embedded Redis data in " + dataDir);
        }
        try {
            stopOrphan(dataDir.resolve(PID_FILE));
            File binary = ExecutableProvider.newJarResourceProvider().get();
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                command.add(SETSID.toString());
            }
            command.addAll(List.of(
                    binary.getAbsolutePath(),
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    dataDir.toString(),
                    "--pidfile",
                    dataDir.resolve(PID_FILE).toString(),
                    "--appendonly",
                    "yes",
                    "--appendfsync",
                    "everysec",
                    "--save",
                    "",
                    "--daemonize",
                    "no"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("redis-server.log").toFile()))
                    .start();
            EmbeddedRedisServer server = new EmbeddedRedisServer(process, port, lockChannel);
            server.awaitReady();
            return server;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    /** A redis-server still running on this folder can only be an orphan of a killed harvester: we hold the lock. */
    private static void stopOrphan(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info()
                            .command()
                            .map(c -> c.contains("redis-server"))
                            .orElse(false))
                    .ifPresent(orphan -> {
                        orphan.destroy();
                        orphan.onExit()
                                .completeOnTimeout(orphan, 10, TimeUnit.SECONDS)
                                .join();
                    });
        } catch (IOException | NumberFormatException e) {
            // no usable pid: nothing to stop
        }
    }

    /** Waits until the server answers PING with PONG: it listens at once, then answers LOADING while it loads. */
    private void awaitReady() throws IOException {
        long listenDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        long loadDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_TIMEOUT_MS);
        boolean listening = false;
        while (System.nanoTime() < (listening ? loadDeadline : listenDeadline)) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited at start with code " + process.exitValue()
                        + " (see redis-server.log in the data folder)");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                listening = true;
                socket.setSoTimeout(2_000);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = new byte[64];
                int n = socket.getInputStream().read(answer);
                if (n > 0 && new String(answer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                process.waitFor(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IOException("interrupted while redis-server started", e);
            }
        }
        stop();
        throw new IOException("redis-server on 127.0.0.1:" + port + " was not ready within "
                + (listening ? LOAD_TIMEOUT_MS : START_TIMEOUT_MS) + " ms");
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
        } finally {
            try {
                lockChannel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }
}
