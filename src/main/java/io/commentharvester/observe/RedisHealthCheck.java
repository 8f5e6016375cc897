package io.commentharvester.observe;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.springframework.data.redis.core.RedisCallback;

import io.commentharvester.redis.RedisStore;
import io.commentharvester.util.Causes;

/** Readiness: the Redis the harvest writes to answers PING. */
final class RedisHealthCheck extends AbstractHealthCheck {

    RedisHealthCheck() {
        super("comment-harvester", "redis");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        RedisStore store = getCamelContext().getRegistry().lookupByNameAndType("redisStore", RedisStore.class);
        if (store == null) {
            builder.down().message("no Redis connection yet");
            return;
        }
        try {
            String answer = store.template().execute((RedisCallback<String>) connection -> connection.ping());
            builder.up().detail("ping", answer);
        } catch (RuntimeException e) {
            builder.down().message("Redis does not answer: " + Causes.rootMessage(e));
        }
    }
}
