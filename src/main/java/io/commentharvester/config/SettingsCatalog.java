package io.commentharvester.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one description of the settings: the commented {@code application.properties} shipped in the jar. Each key's
 * value there is its default, and the comment lines above it are its meaning (a key right under another without a
 * comment of its own shares that one). Its keys under {@link #CHECKED_PREFIXES} are every setting there is: any
 * other key under those prefixes is a typo, and {@code --help} lists exactly these.
 */
public final class SettingsCatalog {

    /** The shipped copy of application.properties (the build puts it there). */
    public static final String RESOURCE = "/io/commentharvester/config/application.properties";
    /** Keys of this project; anything else (camel.*, java.*) is not looked at. */
    public static final Set<String> CHECKED_PREFIXES =
            Set.of("harvest.", "weapi.", "redis.", "http.", "sandbox.", "export.");

    private static final Pattern ENV = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+):([^}]*)}}");

    /** One setting: its key, its default as written in the file, and its meaning. */
    public record Setting(String key, String defaultValue, String meaning) {

        /** The default as a person reads it: {@code env REDIS_URL, else empty}. */
        public String describedDefault() {
            Matcher env = ENV.matcher(defaultValue);
            if (env.matches()) {
                return "env " + env.group(1) + ", else " + (env.group(2).isEmpty() ? "empty" : env.group(2));
            }
            return defaultValue.isEmpty() ? "empty" : defaultValue;
        }
    }

    private static volatile SettingsCatalog shipped;

    private final List<Setting> settings;

    private SettingsCatalog(List<Setting> settings) {
        this.settings = List.copyOf(settings);
    }

    /** The catalog of the application.properties inside the jar. */
    public static SettingsCatalog shipped() {
        SettingsCatalog catalog = shipped;
        if (catalog == null) {
            try (InputStream in = SettingsCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path (a broken build)");
                }
                catalog = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = catalog;
        }
        return catalog;
    }

    static SettingsCatalog parse(InputStream in) throws IOException {
        List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .lines()
                .toList();
        List<Setting> settings = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        String previousMeaning = "";
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("# ---")) {
                comment.clear();
                previousMeaning = "";
            } else if (trimmed.startsWith("#")) {
                comment.add(trimmed.substring(1).trim());
            } else {
                Properties one = new Properties();
                one.load(new java.io.StringReader(line));
                for (String key : one.stringPropertyNames()) {
                    String meaning = comment.isEmpty() ? previousMeaning : String.join(" ", comment);
                    if (CHECKED_PREFIXES.stream().anyMatch(key::startsWith)) {
                        settings.add(new Setting(key, one.getProperty(key).trim(), meaning));
                    }
                    previousMeaning = meaning;
                }
                comment.clear();
            }
        }
        return new SettingsCatalog(settings);
    }

    public List<Setting> settings() {
        return settings;
    }

    /** Every key there is, in the file's order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        settings.forEach(setting -> keys.add(setting.key()));
        return Collections.unmodifiableSet(keys);
    }

    /** The settings as {@code --help} shows them: key, default, meaning wrapped to 100 columns. */
    public String help() {
        StringBuilder text = new StringBuilder("Settings (key = default: meaning):\n");
        for (Setting setting : settings) {
            text.append("  ")
                    .append(setting.key())
                    .append(" = ")
                    .append(setting.describedDefault())
                    .append('\n');
            StringBuilder line = new StringBuilder("      ");
            for (String word : setting.meaning().split("\\s+")) {
                if (line.length() + word.length() > 100 && line.length() > 6) {
                    text.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder("      ");
                }
                line.append(word).append(' ');
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
