package io.commentharvester.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a comments hash newest first with a bounded heap. HSCAN has no order, so the hash is read in time windows:
 * one pass counts the comments and their time span, a histogram pass cuts the span into windows of at most
 * {@link #WINDOW} comments, then each window, newest first, is one pass that keeps only (time, commentId) pairs,
 * sorts them and fetches the comments with HMGET in batches. Memory holds one window's pairs and one batch,
 * whatever the thread's size; the hash is read a few times over (about 2 + comments / WINDOW passes). Read only.
 */
final class NewestFirst {

    /** Most (time, commentId) pairs held at once. */
    static final int WINDOW = 20_000;

    private static final int BUCKETS = 1024;
    private static final int SCAN_COUNT = 1000;
    private static final int FETCH_BATCH = 500;
    private static final JsonFactory JSON = new JsonFactory();

    /** Receives each comment: its hash field, its stored JSON and its time (-1 when it has none). */
    interface Visitor {
        void comment(String field, String json, long time) throws IOException;
    }

    private final HashOperations<String, String, String> hash;
    private final String key;
    private int passes;

    NewestFirst(StringRedisTemplate redis, String key) {
        this.hash = redis.opsForHash();
        this.key = key;
    }

    /** Passes over the hash so far (for tests and the log). */
    int passes() {
        return passes;
    }

    void forEach(Visitor visitor) throws IOException {
        long[] stats = {0, Long.MAX_VALUE, Long.MIN_VALUE};
        scan(Long.MIN_VALUE, Long.MAX_VALUE, (field, json, time) -> {
            stats[0]++;
            stats[1] = Math.min(stats[1], time);
            stats[2] = Math.max(stats[2], time);
        });
        if (stats[0] > 0) {
            range(stats[1], stats[2] + 1, stats[0], visitor);
        }
    }

    /** The comments with {@code low <= time < high}, newest first; {@code count} is how many there were. */
    private void range(long low, long high, long count, Visitor visitor) throws IOException {
        if (count <= WINDOW) {
            window(low, high, visitor);
            return;
        }
        if (high - low <= 1) {
            // one millisecond: no order within it, so it streams as it comes
            scan(low, high, visitor);
            return;
        }
        long width = Math.max(1, (high - low + BUCKETS - 1) / BUCKETS);
        int buckets = (int) ((high - low + width - 1) / width);
        long[] counts = new long[buckets];
        scan(low, high, (field, json, time) -> counts[(int) ((time - low) / width)]++);
        int end = buckets;
        long inWindow = 0;
        for (int b = buckets - 1; b >= 0; b--) {
            if (inWindow > 0 && inWindow + counts[b] > WINDOW) {
                range(low + (b + 1) * width, Math.min(high, low + end * width), inWindow, visitor);
                end = b + 1;
                inWindow = 0;
            }
            inWindow += counts[b];
        }
        if (inWindow > 0) {
            range(low, Math.min(high, low + end * width), inWindow, visitor);
        }
    }

    private void window(long low, long high, Visitor visitor) throws IOException {
        List<Object[]> pairs = new ArrayList<>();
        scan(low, high, (field, json, time) -> pairs.add(new Object[] {time, field}));
        pairs.sort(Comparator.<Object[]>comparingLong(pair -> (Long) pair[0])
                .thenComparing(pair -> (String) pair[1], NewestFirst::compareIds)
                .reversed());
        for (int start = 0; start < pairs.size(); start += FETCH_BATCH) {
            List<Object[]> batch = pairs.subList(start, Math.min(pairs.size(), start + FETCH_BATCH));
            List<String> fields = batch.stream().map(pair -> (String) pair[1]).toList();
            List<String> values = hash.multiGet(key, fields);
            for (int i = 0; i < fields.size(); i++) {
                if (values.get(i) != null) {
                    visitor.comment(fields.get(i), values.get(i), (Long) batch.get(i)[0]);
                }
            }
        }
    }

    private void scan(long low, long high, Visitor visitor) throws IOException {
        passes++;
        try (Cursor<java.util.Map.Entry<String, String>> cursor =
                hash.scan(key, ScanOptions.scanOptions().count(SCAN_COUNT).build())) {
            while (cursor.hasNext()) {
                java.util.Map.Entry<String, String> entry = cursor.next();
                long time = timeOf(entry.getValue());
                if (time >= low && time < high) {
                    visitor.comment(entry.getKey(), entry.getValue(), time);
                }
            }
        }
    }

    /** Comment ids compare as numbers when they are numbers (longer is larger), else as text. */
    static int compareIds(String a, String b) {
        return a.length() != b.length()
                        && a.chars().allMatch(Character::isDigit)
                        && b.chars().allMatch(Character::isDigit)
                ? Integer.compare(a.length(), b.length())
                : a.compareTo(b);
    }

    /** The top-level {@code time} of a stored comment; -1 when there is none (or the value is not JSON). */
    static long timeOf(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("time".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    return parser.getLongValue();
                }
                parser.skipChildren();
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
