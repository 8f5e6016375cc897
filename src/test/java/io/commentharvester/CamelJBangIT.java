package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.sandbox.SandboxServer;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.TestRedis;

/**
 * {@code camel run routes application.properties} (Camel JBang, as the one-line launcher src/test/jbang/CamelCommand.java)
 * with the packaged jar as its dependency harvests a sandbox thread into a real Redis and ends by itself with the
 * summary in the log. Skipped, saying why, when camel-jbang-core 4.17.0 cannot be fetched.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CamelJBangIT {

    static final Path HOME = Path.of("target/camel-jbang").toAbsolutePath();
    static final Path LIB = HOME.resolve("lib");
    /** A Maven repository (a folder) the run adds with --repos: the packaged jar as version "it". */
    static final Path REPOSITORY = HOME.resolve("m2");
    /** Where the resolver caches version "it": removed before each run, so a rebuilt jar is never stale. */
    static final Path CACHED = Path.of(System.getProperty(
                    "maven.repo.local",
                    Path.of(System.getProperty("user.home"), ".m2", "repository")
                            .toString()))
            .resolve("io/commentharvester/comment-harvester/it");

    static final String SONG = "9400001";
    static final int COMMENTS = 120;

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    @Test
    void camelRunHarvestsAndEndsByItselfWithTheSummary() throws Exception {
        fetchCamelCommand();
        Path jar = Path.of("target/comment-harvester.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "target/comment-harvester.jar is not built (run mvn verify)");
        installJar(jar);
        Path work = HOME.resolve("run");
        deleteTree(work);
        Files.createDirectories(work);
        copyTree(Path.of("routes"), work.resolve("routes"));
        Files.copy(Path.of(Application.PROPERTIES_FILE), work.resolve(Application.PROPERTIES_FILE));

        try (SandboxServer sandbox =
                SandboxServer.start(SandboxSettings.defaults().withCommentsPerThread(COMMENTS))) {
            Path log = HOME.resolve("run.log");
            List<String> command = new ArrayList<>(List.of(
                    java(),
                    "-cp",
                    LIB + File.separator + "*",
                    Path.of("src/test/jbang/CamelCommand.java").toAbsolutePath().toString(),
                    "run",
                    "routes",
                    Application.PROPERTIES_FILE,
                    "--dep=io.commentharvester:comment-harvester:it",
                    "--repos=" + REPOSITORY.toUri(),
                    "--max-idle-seconds=2",
                    "--prop=camel.main.configuration-classes=" + HarvesterConfiguration.class.getName(),
                    "--prop=weapi.base-url=" + sandbox.baseUrl(),
                    "--prop=weapi.rsa-modulus=" + sandbox.rsaModulusHex(),
                    "--prop=weapi.rsa-public-exponent=" + sandbox.rsaPublicExponentHex(),
                    "--prop=redis.url=" + REDIS.url(),
                    "--prop=harvest.song-ids=" + SONG,
                    "--prop=harvest.pages=all",
                    "--prop=harvest.max-requests-per-second=0"));
            Process process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean ended = process.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended)
                    .as("camel run ended by itself; its log: %s", output)
                    .isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output)
                    .contains("harvest done: 1 resource(s)")
                    .contains(COMMENTS + " comments added, " + COMMENTS + " stored of " + COMMENTS + " (100.0%)")
                    .contains("song:" + SONG + " (R_SO_4_" + SONG + ")");
            assertThat(REDIS.template().opsForHash().size("music_comment:" + SONG))
                    .isEqualTo(COMMENTS);
            assertThat(work.resolve(".camel-jbang"))
                    .as(".camel-jbang/, which .gitignore names")
                    .exists();
        }
    }

    /** target/camel-jbang/lib: camel-jbang-core 4.17.0 and what it needs (src/test/jbang/pom.xml), fetched once. */
    private static void fetchCamelCommand() throws Exception {
        if (Files.isRegularFile(LIB.resolve("camel-jbang-core-4.17.0.jar"))) {
            return;
        }
        Path log = HOME.resolve("fetch.log");
        Files.createDirectories(HOME);
        String mvnw = Path.of(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw")
                .toAbsolutePath()
                .toString();
        Process fetch = new ProcessBuilder(
                        mvnw,
                        "-B",
                        "-q",
                        "-f",
                        "src/test/jbang/pom.xml",
                        "dependency:copy-dependencies",
                        "-DoutputDirectory=" + LIB)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = fetch.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            fetch.destroyForcibly();
        }
        Assumptions.assumeTrue(
                done && fetch.exitValue() == 0,
                () -> "Camel JBang (org.apache.camel:camel-jbang-core:4.17.0"
                        + " and camel-dependencies:4.17.0:pom) cannot be fetched, so camel run is not tested; see "
                        + log);
    }

    /** The packaged (shaded, self-contained) jar as io.commentharvester:comment-harvester:it, with no dependencies. */
    private static void installJar(Path jar) throws IOException {
        Path folder = REPOSITORY.resolve("io/commentharvester/comment-harvester/it");
        deleteTree(folder);
        deleteTree(CACHED);
        Files.createDirectories(folder);
        Files.copy(jar, folder.resolve("comment-harvester-it.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                folder.resolve("comment-harvester-it.pom"),
                "<project><modelVersion>4.0.0</modelVersion>"
                        + "<groupId>io.commentharvester</groupId><artifactId>comment-harvester</artifactId>"
                        + "<version>it</version></project>");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
