package io.commentharvester.embed;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The netease-comments-source kamelet's bean: after a harvest through direct:harvest, reads the comments the
 * harvested threads hold in Redis, one JSON text each, for the kamelet to emit one message per comment. A bean
 * of the kamelet's {@code template.beans}: a no-argument constructor and setters.
 */
public class HarvestedComments {

    /** Name of the application's RedisTemplate in the registry (HarvesterConfiguration binds it). */
    public static final String REDIS_TEMPLATE = "redisTemplate";

    private final ObjectMapper json = new ObjectMapper();
    private int batchSize = 500;

    /** How many fields each HSCAN round trip asks for. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Route step: the body is direct:harvest's summary; the result, every comment of its threads' hashes. */
    @SuppressWarnings("unchecked")
    public List<String> comments(Exchange exchange) throws Exception {
        JsonNode summary = json.readTree(exchange.getIn().getBody(String.class));
        RedisTemplate<String, String> redis =
                exchange.getContext().getRegistry().lookupByNameAndType(REDIS_TEMPLATE, RedisTemplate.class);
        List<String> comments = new ArrayList<>();
        for (String key : keys(summary)) {
            try (Cursor<java.util.Map.Entry<Object, Object>> cursor = redis.opsForHash()
                    .scan(key, ScanOptions.scanOptions().count(batchSize).build())) {
                cursor.forEachRemaining(entry -> comments.add(entry.getValue().toString()));
            }
        }
        return comments;
    }

    /** The Redis keys of the threads a summary reports on. */
    static List<String> keys(JsonNode summary) {
        List<String> keys = new ArrayList<>();
        summary.path("threads").forEach(thread -> keys.add(thread.path("key").asText()));
        return keys;
    }
}
