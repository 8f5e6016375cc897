package io.commentharvester.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commentharvester.config.StoreLayout;
import io.commentharvester.harvest.CommentMapper;
import io.commentharvester.harvest.CommentPage;
import io.commentharvester.harvest.CommentPageReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From the API's answer to the Redis hash fields of one page: a 20-comment answer recorded from the sandbox
 * (src/jmh/resources/sandbox-comments-page.json), read in one pass by {@link CommentPageReader} (streaming parser,
 * no tree). {@code readTreeOnly} is what building a JsonNode tree of the same bytes alone costs, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommentMapperBenchmark {

    @Param({"comment-id", "nickname"})
    public String layout;

    private final ObjectMapper json = new ObjectMapper();
    private byte[] answer;
    private CommentPageReader reader;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = CommentMapperBenchmark.class.getResourceAsStream("/sandbox-comments-page.json")) {
            answer = in.readAllBytes();
        }
        reader = new CommentPageReader(
                json.getFactory(), new CommentMapper(json.getFactory(), StoreLayout.parse(layout)));
        int comments = readAnswer().comments().size();
        if (comments != 20) {
            throw new IllegalStateException("expected a 20-comment answer, got " + comments);
        }
    }

    /** The whole answer-to-Redis step of one page: the answer's bytes to the stored fields. */
    @Benchmark
    public CommentPage readAnswer() {
        return reader.read(new ByteArrayInputStream(answer), "page");
    }

    /** A JsonNode tree of the answer, as the harvester built before reading it (the tree alone). */
    @Benchmark
    public JsonNode readTreeOnly() throws IOException {
        return json.readTree(answer);
    }
}
