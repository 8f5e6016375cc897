package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.commentharvester.config.SettingsCatalog;

/** What the command line answers without harvesting: --help, --version, and bad input to --sandbox-only. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandLineIT {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Application(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sandboxOnlyWithABadValueSaysSoInOneLineAndExits2() {
        assertThat(run("--sandbox-only", "--sandbox.port=abc")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errText())
                .isEqualTo("comment-harvester: invalid value 'abc' for sandbox.port: not an integer"
                        + System.lineSeparator());
    }

    @Test
    void sandboxOnlyWithAMisspeltSettingNamesItAndExits2() {
        assertThat(run("--sandbox-only", "--sandbox.latncy-ms=5")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errText())
                .startsWith("comment-harvester: sandbox.latncy-ms")
                .contains("did you mean sandbox.latency-ms?")
                .hasLineCount(1);
    }

    @Test
    void helpListsEverySettingWithItsDefaultAndMeaning() {
        assertThat(run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("Usage:").contains("--version");
        assertThat(SettingsCatalog.shipped().settings())
                .allSatisfy(setting ->
                        assertThat(help).contains("  " + setting.key() + " = " + setting.describedDefault() + "\n"));
        assertThat(help).contains("  sandbox.latency-ms = 0\n      Delay of every answer");
        assertThat(help)
                .contains("Exit codes:")
                .contains("  " + ExitCodes.BAD_INPUT + " ")
                .contains("  " + ExitCodes.CAPTCHA + " ");
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("comment-harvester \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }
}
