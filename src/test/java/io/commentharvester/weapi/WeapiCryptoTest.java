package io.commentharvester.weapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WeapiCryptoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WeapiCrypto crypto = WeapiCrypto.netease();

    static Stream<JsonNode> vectors() throws Exception {
        List<JsonNode> vectors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                WeapiCryptoTest.class.getResourceAsStream("/weapi-vectors.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    vectors.add(JSON.readTree(line));
                }
            }
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(20);
        return vectors.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void reproducesEveryReferenceVectorByteForByte(JsonNode vector) {
        WeapiForm form = crypto.encrypt(
                vector.get("text").asText(), vector.get("secretKey").asText());

        assertThat(form.params()).isEqualTo(vector.get("params").asText());
        assertThat(form.encSecKey()).isEqualTo(vector.get("encSecKey").asText());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void firstLayerMatchesTheVectorsInnerValue(JsonNode vector) {
        if (vector.has("inner")) {
            String inner = WeapiCrypto.aesCbcBase64(
                    vector.get("text").asText().getBytes(StandardCharsets.UTF_8), WeapiCrypto.presetKey());
            assertThat(inner).isEqualTo(vector.get("inner").asText());
        }
    }

    @Test
    void encSecKeyIsZeroPaddedTo256HexDigits() throws Exception {
        List<JsonNode> needPadding = vectors()
                .filter(v -> v.has("encSecKeyUnpadded")
                        && v.get("encSecKeyUnpadded").asText().length() < 256)
                .toList();
        assertThat(needPadding).hasSizeGreaterThanOrEqualTo(4);
        for (JsonNode vector : needPadding) {
            String unpadded = vector.get("encSecKeyUnpadded").asText();
            String encSecKey = crypto.rsaEncryptReversed(vector.get("secretKey").asText());
            assertThat(encSecKey).hasSize(256).startsWith("0").endsWith(unpadded);
            assertThat(encSecKey).isEqualTo(vector.get("encSecKey").asText());
        }
    }

    @Test
    void randomKeysAreSixteenCharactersFromTheAlphabetAndVary() {
        Supplier<String> keys = WeapiCrypto.randomKeys(new SecureRandom());
        Set<String> seen = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String key = keys.get();
            assertThat(key).hasSize(16).matches("[a-zA-Z0-9]{16}");
            seen.add(key);
            key.chars().forEach(c -> characters.add((char) c));
        }
        assertThat(seen).hasSize(2000);
        assertThat(characters).hasSize(62);
    }

    @Test
    void eachEncryptionUsesAFreshKey() {
        WeapiForm first = crypto.encrypt("{}");
        WeapiForm second = crypto.encrypt("{}");
        assertThat(first.params()).isNotEqualTo(second.params());
        assertThat(first.encSecKey()).hasSize(256).isNotEqualTo(second.encSecKey());
    }

    @Test
    void secondLayerDecryptsBackToTheText() {
        String text = "{\"content\":\"这首歌真好听🎵\"}";
        WeapiForm form = crypto.encrypt(text, "abcdefghijklmnop");
        byte[] inner =
                WeapiCrypto.aesCbcDecryptBase64(form.params(), "abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII));
        byte[] plain =
                WeapiCrypto.aesCbcDecryptBase64(new String(inner, StandardCharsets.US_ASCII), WeapiCrypto.presetKey());
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void formBodyUrlEncodesBase64Characters() {
        WeapiForm form = new WeapiForm("a+b/c=", "00ff");
        assertThat(form.toFormBody()).isEqualTo("params=a%2Bb%2Fc%3D&encSecKey=00ff");
    }

    @Test
    void rejectsAModulusThatIsNotHex() {
        assertThatThrownBy(() -> new WeapiCrypto("xyz", "010001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not hexadecimal");
    }

    @Test
    void rejectsAModulusTooShortForTheKey() {
        assertThatThrownBy(() -> new WeapiCrypto("ffff", "010001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void theFormBodyIsEncodedAsUrlEncoderEncodesIt() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        for (String text : List.of(every.toString(), "a+b/c==", "0a1B", "", "评论 é&=")) {
            StringBuilder encoded = new StringBuilder();
            WeapiForm.formEncode(text, encoded);
            assertThat(encoded.toString()).as(text).isEqualTo(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
    }
}
