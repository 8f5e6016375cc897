package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.commentharvester.weapi.WeapiCrypto;

/** The sandbox's RSA key file: written at the first start, read at the next, and named when it cannot be read. */
class SandboxKeyFileTest {

    private static final String THREAD = "R_SO_4_186016";

    @Test
    void aKeyFileIsCreatedThenReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/sandbox-key.properties");
        String modulus;
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withKeyFile(file.toString()))) {
            modulus = server.rsaModulusHex();
        }
        assertThat(file).exists();
        try (SandboxServer server =
                SandboxServer.start(SandboxSettings.defaults().withKeyFile(file.toString()))) {
            assertThat(server.rsaModulusHex()).isEqualTo(modulus);
            SandboxClient client = new SandboxClient(server, new WeapiCrypto(modulus, "010001"));
            assertThat(client.newApi(SandboxClient.newApiRequest(THREAD, 1, 5, 3))
                            .json()
                            .get("code")
                            .intValue())
                    .isEqualTo(200);
        }
        Files.writeString(file, "modulus=zz\n");
        assertThatThrownBy(() -> SandboxServer.start(SandboxSettings.defaults().withKeyFile(file.toString())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }
}
