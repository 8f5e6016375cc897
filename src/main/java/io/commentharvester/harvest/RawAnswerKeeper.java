package io.commentharvester.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * harvest.keep-raw: every answer of the API, as it came, in the stream {@code <key>:raw} (one entry an answer:
 * {@code endpoint}, {@code request} (the request fields as JSON, without the csrf token), {@code fetchedAt}
 * (ISO-8601), {@code status} (HTTP), {@code encoding} ({@code gzip+base64}) and {@code body}), trimmed to about
 * harvest.keep-raw-max entries (XADD MAXLEN ~), so that pages can be parsed again later. Off: a no-op.
 */
public class RawAnswerKeeper {

    public static final String ENCODING = "gzip+base64";

    private final boolean enabled;
    private final int maxEntries;
    private final String endpoint;
    private final StringRedisTemplate redis;
    private final CommentRequestBuilder requests;
    private final Clock clock;

    public RawAnswerKeeper(
            boolean enabled,
            int maxEntries,
            String endpoint,
            StringRedisTemplate redis,
            CommentRequestBuilder requests,
            Clock clock) {
        this.enabled = enabled;
        this.maxEntries = maxEntries;
        this.endpoint = endpoint;
        this.redis = redis;
        this.requests = requests;
        this.clock = clock;
    }

    public static String rawKey(String commentsKey) {
        return commentsKey + ":raw";
    }

    /** Route step, right after the HTTP call: the answer's bytes become the body (read once) and are kept. */
    public void keep(Exchange exchange) throws IOException {
        if (!enabled) {
            return;
        }
        PageRequest page = exchange.getProperty(HarvestExchange.PAGE, PageRequest.class);
        byte[] body = exchange.getIn().getBody(byte[].class);
        exchange.getIn().setBody(body);
        if (page == null || body == null) {
            return;
        }
        ObjectMapper json = Json.MAPPER;
        ObjectNode request = (ObjectNode) json.readTree(requests.requestJson(page));
        request.remove("csrf_token");
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("endpoint", endpoint);
        entry.put("request", json.writeValueAsString(request));
        entry.put("fetchedAt", Instant.now(clock).toString());
        entry.put("status", String.valueOf(exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, "", String.class)));
        entry.put("encoding", ENCODING);
        entry.put("body", Base64.getEncoder().encodeToString(gzip(body)));
        redis.opsForStream()
                .add(
                        rawKey(page.walk().commentsKey()),
                        entry,
                        XAddOptions.maxlen(maxEntries).approximateTrimming(true));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Made on first use: a run that keeps no raw answers does not set up jackson-databind at start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
