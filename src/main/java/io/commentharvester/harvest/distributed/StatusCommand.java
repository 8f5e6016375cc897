package io.commentharvester.harvest.distributed;

import java.io.PrintStream;
import java.util.function.Function;

import io.commentharvester.config.HarvestSettings;
import io.commentharvester.config.InvalidSettingException;
import io.commentharvester.config.Secrets;
import io.commentharvester.redis.RedisStore;

/** {@code --status}: settings checked, the shared Redis read ({@link ClusterStatus}), nothing written. */
public final class StatusCommand {

    private StatusCommand() {}

    /** Prints the status; answers the exit code. */
    public static int run(Function<String, String> lookup, PrintStream out) {
        HarvestSettings settings = HarvestSettings.from(lookup);
        if (settings.embeddedRedis()) {
            throw new InvalidSettingException(
                    "redis.url", "--status reads the Redis that distributed harvesters share: set redis.url");
        }
        RedisStore store = RedisStore.connect(
                settings.redisUrl(), Secrets.read(lookup, "redis.password", "redis.password-file"), 2);
        try {
            store.start();
            new ClusterStatus(store.template(), settings.keyPrefix()).print(settings.resources(), out);
            out.flush();
            return 0;
        } finally {
            store.stop();
        }
    }
}
