package io.commentharvester.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import redis.embedded.RedisServer;

/** A real redis-server for tests, on a free loopback port, with a client to inspect what was stored. */
public final class TestRedis implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final int port;
    private final Path dir;
    private final String password;
    private RedisServer server;
    private final JedisConnectionFactory factory;
    private final StringRedisTemplate template;

    private TestRedis(int port, Path dir, String password) {
        this.port = port;
        this.dir = dir;
        this.password = password;
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration("127.0.0.1", port);
        if (password != null) {
            configuration.setPassword(password);
        }
        // connections are checked before use: the tests restart the server under the client's feet
        org.apache.commons.pool2.impl.GenericObjectPoolConfig<redis.clients.jedis.Jedis> pool =
                new org.apache.commons.pool2.impl.GenericObjectPoolConfig<>();
        pool.setTestOnBorrow(true);
        this.factory = new JedisConnectionFactory(
                configuration,
                org.springframework.data.redis.connection.jedis.JedisClientConfiguration.builder()
                        .usePooling()
                        .poolConfig(pool)
                        .build());
        this.factory.afterPropertiesSet();
        this.factory.start();
        this.template = new StringRedisTemplate(factory);
    }

    /** A server for the whole test class: {@code @RegisterExtension static final TestRedis REDIS = TestRedis.create();} */
    public static TestRedis create() {
        return create(null);
    }

    /** As {@link #create()}, with a server that requires this password (null: none). */
    public static TestRedis create(String password) {
        try {
            return new TestRedis(freePort(), Files.createTempDirectory("test-redis"), password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started server that requires this password (null: none); close it when done. */
    public static TestRedis start(String password) {
        TestRedis redis = create(password);
        redis.startServer();
        return redis;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public void startServer() {
        try {
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .settingIf(password != null, "requirepass " + password)
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stopServer() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://" + (password != null ? ":" + password + "@" : "") + "127.0.0.1:" + port + "/0";
    }

    public long dbSize() {
        Long size = template.execute((org.springframework.data.redis.core.RedisCallback<Long>)
                connection -> connection.serverCommands().dbSize());
        return size == null ? 0 : size;
    }

    public int port() {
        return port;
    }

    public StringRedisTemplate template() {
        return template;
    }

    public void flushAll() {
        template.execute((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
    }

    @Override
    public void close() {
        factory.destroy();
        stopServer();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
