package io.commentharvester.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** target/comment-harvester.jar in its own JVM, with an environment and JVM options, its output collected. */
public record JarProcess(Process process, StringBuffer output, Thread reader) {

    public static JarProcess start(Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(
                List.of("-jar", Path.of("target", "comment-harvester.jar").toString()));
        command.addAll(List.of(args));
        return start(env, command);
    }

    /**
     * The jar as bin/comment-harvester starts it: its JVM options and the build's start-up archive when there is one
     * for this jar (never making one), on the JDK running the tests.
     */
    public static JarProcess launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of("sh", Path.of("bin", "comment-harvester").toString()));
        command.addAll(List.of(args));
        Map<String, String> launcherEnv = new java.util.HashMap<>(env);
        launcherEnv.put("JAVA_HOME", System.getProperty("java.home"));
        launcherEnv.put("COMMENT_HARVESTER_ARCHIVE", "use");
        return start(launcherEnv, command);
    }

    private static JarProcess start(Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new JarProcess(process, output, reader);
    }

    public String text() {
        return output.toString();
    }

    /** Waits for the process to end and its output to be read to the end; returns its exit code. */
    public int exitCode() throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("process ended in time")
                .isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }
}
