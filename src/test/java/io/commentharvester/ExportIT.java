package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.commentharvester.support.TestRedis;

/** --export against a real Redis: every stored comment comes back, newest first, in bounded memory. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExportIT {

    static final String[] TRICKY = {
        "=HYPERLINK(\"http://x\",\"click\")",
        "+1 for this",
        "-2 stars",
        "@everyone",
        "\tindented",
        "say \"hi\", then leave",
        "line one\nline two\r\nline three",
        "单曲循环🎧✨ 👨‍👩‍👧",
        "plain, with comma",
        "'already quoted",
        ""
    };

    @RegisterExtension
    static final TestRedis redis = TestRedis.create();

    final ObjectMapper json = new ObjectMapper();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void emptyRedis() {
        redis.flushAll();
    }

    private int export(String... args) {
        List<String> all = new ArrayList<>(List.of("--redis.url=" + redis.url()));
        all.addAll(List.of(args));
        return new Application(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
    }

    /** Stores comments as the harvest does (field commentId, value compact JSON); answers them by field. */
    private Map<String, String> store(String key, int count, long seed) throws Exception {
        Map<String, String> comments = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            ObjectNode comment = json.createObjectNode();
            long id = 4_000_000_000L + i;
            comment.put("commentId", id);
            comment.put("userId", 1000 + random.nextInt(5000));
            comment.put("nickname", i % 7 == 0 ? "=cmd|' /C calc'!A0" : "user" + i);
            comment.put(
                    "content", i < TRICKY.length ? TRICKY[i] : "comment " + i + " " + "评论".repeat(random.nextInt(20)));
            // some comments share a millisecond
            comment.put("time", 1_700_000_000_000L + random.nextInt(count * 50) / 3 * 3);
            comment.put("likedCount", random.nextInt(1000));
            comment.put("ipLocation", i % 5 == 0 ? "-广东" : "广东");
            comment.put("parentCommentId", 0);
            comments.put(String.valueOf(id), json.writeValueAsString(comment));
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(comments.entrySet());
        for (int start = 0; start < entries.size(); start += 5000) {
            Map<String, String> batch = new HashMap<>();
            entries.subList(start, Math.min(entries.size(), start + 5000))
                    .forEach(e -> batch.put(e.getKey(), e.getValue()));
            redis.template().opsForHash().putAll(key, batch);
        }
        redis.template().opsForHash().put(key + ":meta", "stored", String.valueOf(count));
        return comments;
    }

    @Test
    void jsonLinesGiveBackEveryStoredCommentExactlyNewestFirst() throws Exception {
        Map<String, String> stored = store("music_comment:701", 3000, 1);
        Map<String, String> album = store("music_comment:album:702", 50, 2);
        Path file = dir.resolve("comments.jsonl");

        assertThat(export("--export=all", "--export.file=" + file))
                .as(err.toString())
                .isZero();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3050);
        long last = Long.MAX_VALUE;
        String lastResource = "";
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            String resource = node.get("resource").asText();
            String original = (resource.equals("song:701") ? stored : album)
                    .get(node.get("commentId").asText());
            // the stored JSON, byte for byte, with the resource added as its last field
            assertThat(line)
                    .isEqualTo(original.substring(0, original.length() - 1) + ",\"resource\":\"" + resource + "\"}");
            long time = node.get("time").longValue();
            if (resource.equals(lastResource)) {
                assertThat(time).isLessThanOrEqualTo(last);
            }
            last = time;
            lastResource = resource;
        }
        assertThat(lines.stream().map(l -> l.substring(l.lastIndexOf("\"resource\""))))
                .contains("\"resource\":\"album:702\"}", "\"resource\":\"song:701\"}");
        assertThat(redis.template().opsForHash().size("music_comment:701")).isEqualTo(3000);
    }

    @Test
    void csvKeepsEveryContentByteExactAndNeutralisesFormulas() throws Exception {
        Map<String, String> stored = store("music_comment:703", 500, 3);
        Path file = dir.resolve("comments.csv");

        assertThat(export("--export=song:703", "--export.format=csv", "--export.file=" + file))
                .isZero();

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertThat(reader.read()).isEqualTo(0xFEFF);
            List<CSVRecord> records = CSVFormat.EXCEL
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
            assertThat(records).hasSize(500);
            for (CSVRecord record : records) {
                JsonNode original = json.readTree(stored.get(record.get("commentId")));
                String content = original.get("content").asText();
                assertThat(record.get("content")).isEqualTo(neutralised(content));
                assertThat(record.get("nickname"))
                        .isEqualTo(neutralised(original.get("nickname").asText()));
                assertThat(record.get("location"))
                        .isEqualTo(neutralised(original.get("ipLocation").asText()));
                assertThat(record.get("timeMs")).isEqualTo(original.get("time").asText());
                assertThat(java.time.OffsetDateTime.parse(record.get("time"))
                                .toInstant()
                                .toEpochMilli())
                        .isEqualTo(original.get("time").longValue());
                assertThat(record.get("time")).endsWith("+08:00");
                assertThat(record.get("resource")).isEqualTo("song:703");
            }
            assertThat(records)
                    .extracting(r -> r.get("content"))
                    .contains(
                            "'=HYPERLINK(\"http://x\",\"click\")",
                            "'+1 for this",
                            "'-2 stars",
                            "'@everyone",
                            "'\tindented",
                            "line one\nline two\r\nline three",
                            "单曲循环🎧✨ 👨‍👩‍👧",
                            "'already quoted");
        }
    }

    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Test
    void exportingOneHundredThousandCommentsRunsInA48MegabyteHeap() throws Exception {
        int count = 100_000;
        store("music_comment:704", count, 4);
        Path file = dir.resolve("big.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx48m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Application.class.getName(),
                        "--export=song:704",
                        "--redis.url=" + redis.url(),
                        "--export.file=" + file)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("export done: 100000 comment(s) of 1 thread(s)");
        System.out.println("child JVM -Xmx48m: "
                + log.lines()
                        .filter(l -> l.startsWith("export done"))
                        .findFirst()
                        .orElse(""));
        long lines = 0;
        long last = Long.MAX_VALUE;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                long time = json.readTree(line).get("time").longValue();
                assertThat(time).isLessThanOrEqualTo(last);
                last = time;
                lines++;
            }
        }
        assertThat(lines).isEqualTo(count);
    }

    @Test
    void badExportSettingsStopWithOneLineNamingTheSettingAndWriteNothing() throws Exception {
        Path file = dir.resolve("never.csv");
        assertThat(export("--export=tape:1", "--export.file=" + file)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .startsWith("comment-harvester: export='tape:1': ")
                .doesNotContain("\n");
        err.reset();
        assertThat(export("--export=song:1", "--export.format=xml", "--export.file=" + file))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("comment-harvester: export.format='xml': must be jsonl or csv");
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.list(dir)).isEmpty();
    }
}
