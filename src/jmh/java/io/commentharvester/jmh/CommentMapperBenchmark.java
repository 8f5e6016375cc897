package io.commentharvester.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commentharvester.config.StoreLayout;
import io.commentharvester.harvest.CommentMapper;
import io.commentharvester.harvest.PageComment;
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
 * (src/jmh/resources/sandbox-comments-page.json), mapped with {@link CommentMapper#toComments}.
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
    private JsonNode comments;
    private CommentMapper mapper;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = CommentMapperBenchmark.class.getResourceAsStream("/sandbox-comments-page.json")) {
            answer = in.readAllBytes();
        }
        comments = json.readTree(answer).path("data").path("comments");
        if (comments.size() != 20) {
            throw new IllegalStateException("expected a 20-comment answer, got " + comments.size());
        }
        mapper = new CommentMapper(json, StoreLayout.parse(layout));
    }

    /** The mapping alone, from the parsed comments to field -> value. */
    @Benchmark
    public List<PageComment> toComments() {
        return mapper.toComments(comments);
    }

    /** Parse the answer's bytes, then map: the whole answer-to-Redis step of one page. */
    @Benchmark
    public List<PageComment> parseAndMap() throws IOException {
        return mapper.toComments(json.readTree(answer).path("data").path("comments"));
    }
}
