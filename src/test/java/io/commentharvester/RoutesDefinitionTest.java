package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** Every YAML route under routes/ loads, names itself, describes itself, and uses only defined settings. */
class RoutesDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml"))
                    .sorted()
                    .toList();
        }
    }

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(Application.PROPERTIES_FILE))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyRouteFileLoadsAndEveryRouteHasAnIdAndADescription() throws Exception {
        List<Path> files = routeFiles();
        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .contains("harvest-comments.camel.yaml", "error-handling.camel.yaml");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (Path file : files) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
            }
            ModelCamelContext model = context;
            List<RouteDefinition> routes = model.getRouteDefinitions();
            assertThat(routes).hasSizeGreaterThanOrEqualTo(4);
            for (RouteDefinition route : routes) {
                assertThat(route.getRouteId())
                        .as("route from %s", route.getInput().getUri())
                        .isNotBlank()
                        .matches("[a-z]+(-[a-z]+)+");
                assertThat(route.getDescription())
                        .as("description of %s", route.getRouteId())
                        .isNotBlank();
            }
            assertThat(routes)
                    .extracting(RouteDefinition::getRouteId)
                    .contains("harvest-comments", "fetch-comment-page", "request-comment-page", "store-comment-page");
            List<RouteConfigurationDefinition> configurations = model.getRouteConfigurationDefinitions();
            assertThat(configurations).hasSize(1);
            assertThat(configurations.get(0).getDescription()).isNotBlank();
        }
    }

    @Test
    void everyRouteFileIsNamedAfterItsFirstRoute() throws Exception {
        for (Path file : routeFiles()) {
            String name = file.getFileName().toString().replace(".camel.yaml", "");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.contains("- route:")) {
                assertThat(text).as(file.toString()).contains("id: " + name);
            }
        }
    }

    @Test
    void everyPlaceholderInTheRoutesAndPropertiesIsDefined() throws Exception {
        Properties properties = applicationProperties();
        List<String> texts = new ArrayList<>();
        for (Path file : routeFiles()) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        properties.values().forEach(value -> texts.add(value.toString()));
        List<String> used = new ArrayList<>();
        // a route template's parameters are placeholders of its own
        List<String> templateParameters = new ArrayList<>();
        for (String text : texts) {
            if (text.contains("- routeTemplate:")) {
                Matcher names = Pattern.compile("- name: (\\S+)").matcher(text);
                while (names.find()) {
                    templateParameters.add(names.group(1));
                }
            }
        }
        for (String text : texts) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).contains("weapi.base-url", "harvest.concurrency");
        used.removeAll(templateParameters);
        for (String key : used) {
            if (key.startsWith("env:")) {
                assertThat(key).as("an environment placeholder needs a default").matches("env:[A-Z_]+:.*");
            } else {
                assertThat(properties).as("placeholder {{%s}}", key).containsKey(key);
            }
        }
    }
}
