package io.commentharvester.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.commentharvester.config.InvalidSettingException;

class RouteFilesTest {

    private static final String ROUTE = """
            # Fetches one page of comments
            - route:
                id: fetch-page
                from:
                  uri: direct:fetch-page
                  steps:
                    - setHeader:
                        name: Content-Type
                        constant: application/x-www-form-urlencoded
                    - to: "https://music.163.com/weapi/comment/resource/comments/get"
                    - log: "page ${header.page} fetched"
            """;

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private InvalidSettingException failure(String pattern) {
        InvalidSettingException e =
                catchThrowableOfType(InvalidSettingException.class, () -> RouteFiles.check(pattern, dir));
        assertThat(e).as("expected the check of %s to fail", pattern).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n", "\r");
        return e;
    }

    @Test
    void aFileEditedAfterItPassedIsCheckedAgain() throws IOException {
        Path file = write("routes/a.camel.yaml", ROUTE);
        assertThat(RouteFiles.check("file:routes/*.camel.yaml", dir)).containsExactly(file);

        // broken, with the same size and a later modification time: the earlier pass must not hide it
        Files.writeString(file, ROUTE.replace("- route:", "- route "));
        Files.setLastModifiedTime(
                file,
                java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(file).toMillis() + 2_000));

        assertThat(failure("file:routes/*.camel.yaml").getMessage()).contains("a.camel.yaml");
    }

    @Test
    void aMissingFolderIsNamedWithItsAbsolutePath() {
        InvalidSettingException e = failure("file:routes/*.camel.yaml");

        assertThat(e.key()).isEqualTo("camel.main.routes-include-pattern");
        assertThat(e.getMessage())
                .isEqualTo("camel.main.routes-include-pattern: the routes folder "
                        + dir.toAbsolutePath().resolve("routes") + " does not exist"
                        + " (run from the project root or set camel.main.routes-include-pattern)");
    }

    @Test
    void anEmptyFolderMatchesNoRouteFile() throws IOException {
        Files.createDirectories(dir.resolve("routes"));
        write("routes/notes.txt", "not a route");

        InvalidSettingException e = failure("file:routes/*.camel.yaml");

        assertThat(e.key()).isEqualTo("camel.main.routes-include-pattern");
        assertThat(e.getMessage())
                .contains("no route file matches file:routes/*.camel.yaml in the folder "
                        + dir.toAbsolutePath().resolve("routes"));
    }

    @Test
    void validRouteFilesAreReturnedSorted() throws IOException {
        Path second = write("routes/store.camel.yaml", ROUTE.replace("fetch-page", "store-page"));
        Path first = write("routes/fetch.camel.yaml", ROUTE);
        write("routes/.fetch.camel.yaml", "this: [is not: valid");
        write("routes/readme.md", "- not a route");

        assertThat(RouteFiles.check("file:routes/*.camel.yaml", dir)).containsExactly(first, second);
    }

    @Test
    void aDocumentStartMarkerAndTheOtherTopLevelEntriesAreAccepted() throws IOException {
        Path file = write("routes/all.camel.yaml", "---\n" + ROUTE + """
                - routeConfiguration:
                    onException:
                      - onException:
                          exception:
                            - java.io.IOException
                          handled:
                            constant: true
                - beans:
                    - name: planner
                      type: java.util.ArrayList
                """);

        assertThat(RouteFiles.check("file:routes/all.camel.yaml", dir)).containsExactly(file);
    }

    @Test
    void anAbsolutePatternAndSeveralEntriesAreChecked() throws IOException {
        Path a = write("one/a.yaml", ROUTE);
        Path b = write("two/b.camel.yaml", ROUTE);

        List<Path> files = RouteFiles.check(
                "classpath:camel/*, file:" + dir.resolve("one") + "/*.yaml,file:two/*.camel.yaml", dir);

        assertThat(files).containsExactly(a, b);
    }

    @Test
    void aDoubleStarPatternLooksIntoSubfolders() throws IOException {
        Path top = write("routes/top.camel.yaml", ROUTE);
        Path nested = write("routes/extra/deep/nested.camel.yaml", ROUTE);

        assertThat(RouteFiles.check("file:routes/**/*.camel.yaml", dir)).containsExactly(nested, top);
    }

    @Test
    void classpathEntriesAreLeftToCamel() {
        assertThat(RouteFiles.check("classpath:camel/*.yaml,classpath:routes/missing/*.yaml", dir))
                .isEmpty();
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        write("routes/harvest.camel.yaml", """
                - route:
                    id: harvest
                    from:
                      uri: timer:harvest: now
                      steps:
                        - log: started
                """);

        InvalidSettingException e = failure("file:routes/*.camel.yaml");

        assertThat(e.key()).isEqualTo("routes/harvest.camel.yaml");
        assertThat(e.getMessage())
                .isEqualTo("routes/harvest.camel.yaml: YAML syntax error at line 4, column 25:"
                        + " mapping values are not allowed here");
    }

    @Test
    void aTabIndentedLineIsReportedOnOneLine() throws IOException {
        write("routes/tabs.camel.yaml", "- route:\n    id: tabs\n    from:\n\turi: direct:tabs\n");

        InvalidSettingException e = failure("file:routes/*.camel.yaml");

        assertThat(e.key()).isEqualTo("routes/tabs.camel.yaml");
        assertThat(e.getMessage())
                .startsWith("routes/tabs.camel.yaml: YAML syntax error at line 4, column 1: ")
                .contains("\\t");
    }

    @Test
    void aTopLevelMappingIsRejected() throws IOException {
        write("routes/map.camel.yaml", ROUTE.replace("- route:", "route:").replace("\n    ", "\n  "));

        InvalidSettingException e = failure("file:routes/*.camel.yaml");

        assertThat(e.getMessage())
                .startsWith("routes/map.camel.yaml: expected a list of route definitions at the top level"
                        + ", but found a mapping at line 2, column 1");
    }

    @Test
    void anEmptyFileIsRejected() throws IOException {
        write("routes/empty.camel.yaml", "# routes will come here\n");

        assertThat(failure("file:routes/*.camel.yaml").getMessage())
                .startsWith("routes/empty.camel.yaml: expected a list of route definitions at the top level");
    }

    @Test
    void aSecondDocumentIsRejectedBecauseCamelReadsOnlyOne() throws IOException {
        write("routes/two.camel.yaml", ROUTE + "---\n" + ROUTE.replace("fetch-page", "other-page"));

        InvalidSettingException e = failure("file:routes/*.camel.yaml");

        assertThat(e.key()).isEqualTo("routes/two.camel.yaml");
        assertThat(e.getMessage()).contains("a second YAML document starts at line 14");
    }

    @Test
    void aDuplicateKeyIsRejected() throws IOException {
        write("routes/dup.camel.yaml", ROUTE.replace("    id: fetch-page\n", "    id: fetch-page\n    id: other\n"));

        assertThat(failure("file:routes/*.camel.yaml").getMessage())
                .isEqualTo("routes/dup.camel.yaml: duplicate key 'id' at line 4, column 5 (first at line 3, column 5)");
    }

    @Test
    void theProjectsOwnRouteFilesPass() {
        List<Path> files = RouteFiles.check("file:routes/*.camel.yaml", Path.of(""));

        assertThat(files)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".camel.yaml"));
    }

    @Test
    void antPatternsStayWithinOneFolderUnlessDoubleStarred() {
        assertThat(RouteFiles.antToRegex("*.camel.yaml").matcher("a.camel.yaml").matches())
                .isTrue();
        assertThat(RouteFiles.antToRegex("*.camel.yaml")
                        .matcher("sub/a.camel.yaml")
                        .matches())
                .isFalse();
        assertThat(RouteFiles.antToRegex("**/*.yaml").matcher("a.yaml").matches())
                .isTrue();
        assertThat(RouteFiles.antToRegex("**/*.yaml").matcher("x/y/a.yaml").matches())
                .isTrue();
        assertThat(RouteFiles.antToRegex("route?.yaml").matcher("route1.yaml").matches())
                .isTrue();
        assertThat(RouteFiles.antToRegex("a.yaml").matcher("aXyaml").matches()).isFalse();
    }
}
