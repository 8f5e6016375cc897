package io.commentharvester.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.config.RedisUrl;
import io.commentharvester.util.Causes;

/**
 * The Redis the harvest writes to: the server named by {@code redis.url}, or a real redis-server started
 * as a child process on a free loopback port, persisting under {@code redis.embedded-dir}.
 * Keys, values, hash fields and hash values are UTF-8 strings (never JDK serialization).
 */
public final class RedisStore extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedRedisServer embeddedServer;
    private final RedisUrl url;
    private final JedisConnectionFactory connectionFactory;
    private final StringRedisTemplate template;

    private RedisStore(EmbeddedRedisServer embeddedServer, RedisUrl url, int poolSize) {
        this.embeddedServer = embeddedServer;
        this.url = url;
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(url.host(), url.port());
        server.setDatabase(url.database());
        if (url.username() != null) {
            server.setUsername(url.username());
        }
        if (url.password() != null) {
            server.setPassword(RedisPassword.of(url.password()));
        }
        GenericObjectPoolConfig<redis.clients.jedis.Jedis> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        // no MBean per pool: registering one starts the JVM's whole platform MBean server, tens of ms of every start
        pool.setJmxEnabled(false);
        JedisClientConfiguration.JedisClientConfigurationBuilder client = JedisClientConfiguration.builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT);
        if (url.tls()) {
            client.useSsl();
        }
        client.usePooling().poolConfig(pool);
        this.connectionFactory = new JedisConnectionFactory(server, client.build());
        this.connectionFactory.afterPropertiesSet();
        this.connectionFactory.start();
        this.template = new StringRedisTemplate(connectionFactory);
        // callbacks get the pooled connection itself, not a close-suppressing proxy made by reflection for every
        // command: no callback here, in Spring's operations or in camel-spring-redis closes the connection it is given
        this.template.setExposeConnection(true);
    }

    /** Connects to the server of a {@code redis://} URL and checks it answers. */
    public static RedisStore connect(String redisUrl, int poolSize) {
        return connect(redisUrl, "", poolSize);
    }

    /** As {@link #connect(String, int)}, with a password kept out of the URL (used when the URL has none). */
    public static RedisStore connect(String redisUrl, String password, int poolSize) {
        RedisUrl url = RedisUrl.parse(redisUrl);
        if (url.password() == null && password != null && !password.isEmpty()) {
            url = new RedisUrl(url.tls(), url.host(), url.port(), url.database(), url.username(), password);
        }
        RedisStore store = new RedisStore(null, url, poolSize);
        store.checkReachable();
        return store;
    }

    /** Starts a redis-server child process persisting under {@code dataDir}, and connects to it. */
    public static RedisStore embedded(Path dataDir, int poolSize) {
        try {
            Path dir = dataDir.toAbsolutePath();
            Files.createDirectories(dir);
            int port = freeLoopbackPort();
            EmbeddedRedisServer server = EmbeddedRedisServer.start(dir, port);
            LOG.info("Started embedded Redis on 127.0.0.1:{} with data in {}", port, dir);
            try {
                return new RedisStore(server, new RedisUrl(false, "127.0.0.1", port, 0, null, null), poolSize);
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
        } catch (IOException e) {
            throw new EmbeddedRedisException("embedded Redis: " + e.getMessage());
        }
    }

    public StringRedisTemplate template() {
        return template;
    }

    private void checkReachable() {
        try {
            template.execute(
                    (org.springframework.data.redis.core.RedisCallback<String>) connection -> connection.ping());
        } catch (RuntimeException e) {
            release();
            throw new InvalidSettingException(
                    RedisUrl.KEY,
                    "cannot reach Redis at " + url.host() + ":" + url.port() + " (" + Causes.rootMessage(e) + ")");
        }
    }

    /** The embedded server could not start; not a setting's fault, so not an {@link InvalidSettingException}. */
    public static final class EmbeddedRedisException extends RuntimeException {
        EmbeddedRedisException(String message) {
            super(message);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    protected void doStop() {
        release();
    }

    private void release() {
        connectionFactory.destroy();
        if (embeddedServer != null && embeddedServer.isAlive()) {
            embeddedServer.stop();
            LOG.info("Stopped embedded Redis");
        }
    }
}
