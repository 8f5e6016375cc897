package io.commentharvester.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), the Excel dialect of RFC 4180
 * (comma, double quotes doubled, CRLF, fields with quotes or newlines quoted), one row a comment. Text cells
 * (nickname, content, location) that start with {@code = + - @}, a tab or a carriage return get a single quote
 * put before them, so that a spreadsheet shows them as text and never runs them as a formula; strip that one
 * quote to get the text back.
 */
final class CsvSink implements CommentSink {

    static final String[] HEADER = {
        "commentId",
        "time",
        "timeMs",
        "userId",
        "nickname",
        "content",
        "likedCount",
        "location",
        "parentCommentId",
        "beRepliedCommentId",
        "replyCount",
        "resource"
    };
    /** Comment times as the site shows them: China Standard Time. */
    static final ZoneOffset SITE_ZONE = ZoneOffset.ofHours(8);

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final Writer writer;
    private final CSVPrinter printer;
    private final ObjectMapper json;

    CsvSink(Writer writer, ObjectMapper json) throws IOException {
        this.writer = writer;
        this.json = json;
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(
                writer, CSVFormat.EXCEL.builder().setHeader(HEADER).get());
    }

    @Override
    public void comment(String stored, String resource) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(stored);
        } catch (IOException e) {
            node = json.createObjectNode().put("content", stored);
        }
        long time = node.path("time").asLong(-1);
        printer.printRecord(
                text(node, "commentId"),
                time >= 0 ? ISO.format(Instant.ofEpochMilli(time).atOffset(SITE_ZONE)) : "",
                time >= 0 ? String.valueOf(time) : "",
                text(node, "userId"),
                safe(text(node, "nickname")),
                safe(text(node, "content")),
                text(node, "likedCount"),
                safe(text(node, "ipLocation")),
                text(node, "parentCommentId"),
                text(node, "beRepliedCommentId"),
                text(node, "replyCount"),
                resource);
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        writer.flush();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** Neutralises a cell a spreadsheet would read as a formula (OWASP's CSV injection advice). */
    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
