package io.commentharvester.export;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.commentharvester.config.ExportSettings;

/** Writes exported comments in one format. */
interface CommentSink {

    /** One stored comment: its JSON as stored, and the resource ({@code song:1359645265}) whose thread holds it. */
    void comment(String json, String resource) throws IOException;

    void finish() throws IOException;

    static CommentSink of(ExportSettings.Format format, Writer writer, ObjectMapper json) throws IOException {
        return format == ExportSettings.Format.CSV ? new CsvSink(writer, json) : new JsonlSink(writer);
    }

    /**
     * JSON Lines: each comment exactly as stored, with the resource added as its last field
     * ({@code ..., "resource":"song:1359645265"}), one a line, UTF-8.
     */
    final class JsonlSink implements CommentSink {

        private final Writer writer;

        JsonlSink(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void comment(String json, String resource) throws IOException {
            String trimmed = json.strip();
            if (trimmed.endsWith("}")) {
                writer.write(trimmed, 0, trimmed.length() - 1);
                writer.write(trimmed.length() > 2 ? ",\"resource\":\"" : "\"resource\":\"");
                writer.write(resource);
                writer.write("\"}\n");
            } else {
                // not a JSON object (another layout): kept as a string value
                writer.write("{\"value\":" + new ObjectMapper().writeValueAsString(trimmed) + ",\"resource\":\""
                        + resource + "\"}\n");
            }
        }

        @Override
        public void finish() throws IOException {
            writer.flush();
        }
    }
}
