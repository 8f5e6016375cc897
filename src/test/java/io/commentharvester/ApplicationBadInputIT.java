package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.commentharvester.support.TestRedis;

/**
 * The input the application refuses before it harvests (a bad setting or argument, an unreachable Redis, a route
 * file with a syntax error, an unreadable secret file): it exits with the bad-input code and one line naming the
 * cause, and writes nothing.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ApplicationBadInputIT extends ApplicationTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--harvest.song-ids=12a|harvest.song-ids='12a': '12a' is not a song id",
                "--harvest.song-ids=-5|harvest.song-ids='-5'",
                "--harvest.pages=0|harvest.pages='0': must be all or between 1 and 100000",
                "--harvest.pages=5000000|harvest.pages='5000000'",
                "--harvest.resources=song:1,tape:2|harvest.resources='song:1,tape:2': 'tape' is not a resource type",
                "--harvest.concurrency=0|harvest.concurrency='0'",
                "--harvest.page-size=0|harvest.page-size='0'",
                "--harvest.page-size=101|harvest.page-size='101': must be between 1 and 50",
                "--weapi.base-url=ftp://music.163.com|weapi.base-url='ftp://music.163.com': must start with https://",
                "--weapi.base-url=https//music.163.com|weapi.base-url='https//music.163.com'",
                "--weapi.rsa-modulus=not-hex|weapi.rsa-modulus='not-hex': is not hexadecimal",
                "--weapi.rsa-modulus=00abcdef|weapi.rsa-modulus='00abcdef': RSA modulus is too short",
                "--redis.url=localhost:6379|redis.url='localhost:6379': must start with redis:// or rediss://",
                "--harvest.pagez=3|harvest.pagez: unknown setting (did you mean harvest.pages?)",
                "--camel.main.routes-include-pattern=file:no-such-folder/*.camel.yaml|the routes folder",
                "--no-such-flag|unknown argument '--no-such-flag'",
                "--harvest.distributed=yes|harvest.distributed='yes': must be true or false",
                "--harvest.distributed=true|harvest.distributed='true': shares the walk of whole threads",
                "--harvest.claim-idle-ms=5|harvest.claim-idle-ms='5': must be between 300 and 3600000",
            })
    void badInputExitsTwoWithOneLineNamingTheSettingAndWritesNothing(String arg, String message) {
        int exitCode = application().run(args(arg));

        assertThat(exitCode).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errText().lines().toList()).hasSize(1);
        assertThat(errText()).startsWith("comment-harvester: ").contains(message);
        assertThat(redis.dbSize()).isZero();
        assertThat(sandbox.stats().requestCount()).isZero();
    }

    @Test
    void anUnreachableRedisIsNamedByHostAndPortWithoutItsPassword() throws Exception {
        int port = TestRedis.freePort();
        long start = System.nanoTime();

        int exitCode = application().run(args("--redis.url=redis://app:hunter2@127.0.0.1:" + port + "/0"));

        assertThat(exitCode).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        assertThat(errText().lines().toList()).hasSize(1);
        assertThat(errText())
                .contains("cannot reach Redis at 127.0.0.1:" + port)
                .doesNotContain("hunter2");
        assertThat(outText()).doesNotContain("hunter2");
    }

    @Test
    void aRouteFileWithASyntaxErrorIsNamedWithItsLine(@TempDir Path routes) throws Exception {
        Files.writeString(routes.resolve("broken.camel.yaml"), """
                - route:
                    id: broken-route
                    from:
                      uri: timer:x: y
                """);

        int exitCode = application().run(args("--camel.main.routes-include-pattern=file:" + routes + "/*.camel.yaml"));

        assertThat(exitCode).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errText().lines().toList()).hasSize(1);
        assertThat(errText()).contains("broken.camel.yaml").contains("line 4");
        assertThat(redis.dbSize()).isZero();
    }

    @Test
    void anUnreadableSecretFileIsBadInput(@TempDir Path secrets) {
        int exitCode = application().run(args("--weapi.cookie-file=" + secrets.resolve("missing")));

        assertThat(exitCode).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errText()).contains("weapi.cookie-file=").contains("cannot read the file");
        assertThat(redis.dbSize()).isZero();
    }
}
