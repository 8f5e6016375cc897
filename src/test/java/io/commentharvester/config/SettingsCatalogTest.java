package io.commentharvester.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.commentharvester.sandbox.SandboxSettings;

class SettingsCatalogTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9.\\-]*)}}");
    private static final Pattern ENV = Pattern.compile("\\{\\{env:[A-Za-z0-9_]+:([^}]*)}}");

    /** Every key a settings reader asks for, given the shipped values; and every {{key}} the file and routes use. */
    private static Set<String> keysTheLoaderAccepts() throws IOException {
        Properties shipped = new Properties();
        shipped.load(new StringReader(Files.readString(Path.of("application.properties"))));
        Set<String> asked = new TreeSet<>();
        Function<String, String> lookup = key -> {
            asked.add(key);
            String value = shipped.getProperty(key);
            if (value == null) {
                return null;
            }
            Matcher env = ENV.matcher(value);
            return env.matches() ? env.group(1) : value;
        };
        HarvestSettings.from(lookup);
        PoliteSettings.from(lookup);
        ThreadListSettings.from(lookup);
        RunSettings.from(lookup);
        SandboxSettings.fromProperties(lookup);
        ExportSettings.from("all", lookup);
        Stream.concat(shipped.stringPropertyNames().stream().map(shipped::getProperty), routeTexts())
                .forEach(text ->
                        PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).forEach(asked::add));
        asked.removeIf(key -> SettingsCatalog.CHECKED_PREFIXES.stream().noneMatch(key::startsWith));
        return asked;
    }

    private static Stream<String> routeTexts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files
                    .filter(path -> path.toString().endsWith(".camel.yaml"))
                    .map(path -> {
                        try {
                            return Files.readString(path);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList()
                    .stream();
        }
    }

    @Test
    void helpCoversEveryKeyTheLoaderAccepts() throws Exception {
        Set<String> accepted = keysTheLoaderAccepts();
        assertThat(accepted)
                .contains("harvest.pages", "redis.url", "sandbox.port", "http.connect-timeout-ms", "export.format");
        assertThat(SettingsCatalog.shipped().keys()).containsAll(accepted);
        String help = SettingsCatalog.shipped().help();
        assertThat(accepted).allSatisfy(key -> assertThat(help).contains("  " + key + " = "));
    }

    @Test
    void everySettingHasAMeaningAndTheShippedCopyIsTheWorkingDirectorysFile() throws Exception {
        assertThat(SettingsCatalog.shipped().settings())
                .allSatisfy(setting ->
                        assertThat(setting.meaning()).as(setting.key()).isNotBlank());
        Properties file = new Properties();
        file.load(new StringReader(Files.readString(Path.of("application.properties"))));
        assertThat(SettingsCatalog.shipped().keys())
                .containsExactlyInAnyOrderElementsOf(file.stringPropertyNames().stream()
                        .filter(key -> SettingsCatalog.CHECKED_PREFIXES.stream().anyMatch(key::startsWith))
                        .toList());
    }

    @Test
    void theReadmesSettingsTableNamesEverySettingOfOurOwn() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(SettingsCatalog.shipped().settings())
                .filteredOn(setting -> !setting.key().startsWith("camel."))
                .allSatisfy(setting -> assertThat(readme).contains("| `" + setting.key() + "` |"));
    }

    @Test
    void helpShowsDefaultsAndMeanings() {
        String help = SettingsCatalog.shipped().help();
        assertThat(help)
                .contains("  harvest.pages = 10\n      How deep to go in each thread")
                .contains("  redis.url = env REDIS_URL, else empty\n")
                .contains("  harvest.resources = empty\n");
    }
}
