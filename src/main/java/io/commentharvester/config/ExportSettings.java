package io.commentharvester.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.commentharvester.harvest.Resource;

/**
 * What {@code --export} writes: which threads ({@code type:id} list, or every thread under the key prefix), in
 * which format, to which file (null: standard output). Validated before Redis is touched.
 */
public record ExportSettings(List<Resource> resources, boolean all, Format format, Path file) {

    public static final String EXPORT = "export";
    public static final String FORMAT = "export.format";
    public static final String FILE = "export.file";

    /** One comment a line as stored, or a spreadsheet-safe CSV. */
    public enum Format {
        JSONL,
        CSV
    }

    public static ExportSettings from(String export, Function<String, String> lookup) {
        String targets = export == null ? "" : export.trim();
        if (targets.isEmpty()) {
            throw new InvalidSettingException(
                    EXPORT, export, "name the threads to export: type:id[,type:id...] or all");
        }
        boolean all = targets.equalsIgnoreCase("all");
        List<Resource> resources;
        try {
            resources = all ? List.of() : Resources.parse(targets, "");
        } catch (InvalidSettingException e) {
            String prefix = "harvest.resources='" + targets + "': ";
            String message = e.getMessage();
            throw new InvalidSettingException(
                    EXPORT, targets, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
        String formatValue = SettingValues.text(lookup, FORMAT, "jsonl").toLowerCase(Locale.ROOT);
        Format format = switch (formatValue) {
            case "jsonl" -> Format.JSONL;
            case "csv" -> Format.CSV;
            default -> throw new InvalidSettingException(FORMAT, formatValue, "must be jsonl or csv");
        };
        String fileValue = SettingValues.text(lookup, FILE, "");
        Path file = null;
        if (!fileValue.isEmpty()) {
            file = Path.of(fileValue).toAbsolutePath();
            if (Files.isDirectory(file)) {
                throw new InvalidSettingException(FILE, fileValue, "is a folder");
            }
            Path parent = file.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new InvalidSettingException(FILE, fileValue, "its folder does not exist");
            }
        }
        return new ExportSettings(resources, all, format, file);
    }
}
