package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.commentharvester.config.SettingsCatalog;

class SandboxSettingsTest {

    @Test
    void defaultsAreQuietAndBounded() {
        SandboxSettings d = SandboxSettings.defaults();

        assertThat(d.port()).isZero();
        assertThat(d.commentsPerThread()).isZero();
        assertThat(d.latencyMs()).isZero();
        assertThat(d.jitterMs()).isZero();
        assertThat(d.faultRate()).isZero();
        assertThat(d.maxFaultsPerPage()).isEqualTo(2);
        assertThat(d.seed()).isEqualTo(42);
        assertThat(d.hangMs()).isEqualTo(30_000);
        assertThat(d.faultKinds())
                .containsExactlyInAnyOrder(
                        FaultKind.HTTP_503,
                        FaultKind.HANG,
                        FaultKind.TRUNCATED_JSON,
                        FaultKind.CHEATING,
                        FaultKind.TOO_FREQUENT);
        assertThat(d.offsetCeiling()).isZero();
        assertThat(d.keyFile()).isNull();
        assertThat(d.ceilingMode()).isEqualTo(CeilingMode.EMPTY);
        assertThat(d.sameTimeShare()).isZero();
        assertThat(d.orderTypeEffective()).isFalse();
        assertThat(d.rateLimit()).isZero();
        assertThat(d.penaltyMs()).isEqualTo(2_000);
        assertThat(d.requireCookies()).isFalse();
        assertThat(d.replyShare()).isEqualTo(0.05);
        assertThat(d.oddShare()).isZero();
        assertThat(d.hideNewest()).isZero();
    }

    @Test
    void theReplyAndOddSharesAreFractionsNamedInTheirErrors() {
        assertThatThrownBy(() -> SandboxSettings.fromProperties(key -> key.equals("sandbox.odd-share") ? "1.5" : null))
                .hasMessage("invalid value '1.5' for sandbox.odd-share: must be in [0, 1]");
        assertThatThrownBy(() -> SandboxSettings.fromProperties(key -> key.equals("sandbox.reply-share") ? "x" : null))
                .hasMessage("invalid value 'x' for sandbox.reply-share: not a number");
        assertThat(SandboxSettings.fromProperties(key -> key.equals("sandbox.odd-share") ? "0.05" : null)
                        .oddShare())
                .isEqualTo(0.05);
    }

    @Test
    void everyKeyIsListed() {
        assertThat(SettingsCatalog.shipped().keys())
                .filteredOn(key -> key.startsWith("sandbox."))
                .hasSize(20)
                .contains(
                        "sandbox.ceiling-mode",
                        "sandbox.same-time-share",
                        "sandbox.order-type-effective",
                        "sandbox.rate-limit",
                        "sandbox.penalty-ms",
                        "sandbox.require-cookies",
                        "sandbox.reply-share",
                        "sandbox.odd-share",
                        "sandbox.hide-newest");
    }

    @Test
    void theShippedPropertiesAreTheDefaultsAndEverySiteLikeKeyHasAComment() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("application.properties"));
        Properties shipped = new Properties();
        shipped.load(new StringReader(String.join("\n", lines)));

        assertThat(SandboxSettings.fromProperties(shipped::getProperty)).isEqualTo(SandboxSettings.defaults());
        assertThat(shipped.stringPropertyNames())
                .filteredOn(key -> key.startsWith("sandbox."))
                .allSatisfy(key -> assertThat(SettingsCatalog.shipped().keys()).contains(key));
        for (String key : List.of(
                "sandbox.offset-ceiling",
                "sandbox.ceiling-mode",
                "sandbox.same-time-share",
                "sandbox.order-type-effective",
                "sandbox.rate-limit",
                "sandbox.penalty-ms",
                "sandbox.require-cookies")) {
            int line = lines.indexOf(lines.stream()
                    .filter(l -> l.startsWith(key + "="))
                    .findFirst()
                    .orElseThrow());
            assertThat(lines.get(line - 1)).as(key).startsWith("# ");
        }
    }

    @Test
    void missingOrBlankKeysKeepTheDefaults() {
        Map<String, String> props = Map.of("sandbox.port", " ", "sandbox.fault-kinds", "");

        assertThat(SandboxSettings.fromProperties(props::get)).isEqualTo(SandboxSettings.defaults());
    }

    @Test
    void readsEveryKey() {
        Map<String, String> props = new HashMap<>();
        props.put("sandbox.port", "18080");
        props.put("sandbox.comments-per-thread", "321");
        props.put("sandbox.latency-ms", "15");
        props.put("sandbox.jitter-ms", "5");
        props.put("sandbox.fault-rate", "0.25");
        props.put("sandbox.max-faults-per-page", "3");
        props.put("sandbox.seed", "-7");
        props.put("sandbox.hang-ms", "1500");
        props.put("sandbox.fault-kinds", "http-503, HANG,Too_Frequent");
        props.put("sandbox.offset-ceiling", "1000");
        props.put("sandbox.key-file", " /tmp/sandbox-key.properties ");
        props.put("sandbox.ceiling-mode", "Repeat");
        props.put("sandbox.same-time-share", "0.3");
        props.put("sandbox.order-type-effective", "TRUE");
        props.put("sandbox.rate-limit", "12");
        props.put("sandbox.penalty-ms", "750");
        props.put("sandbox.require-cookies", "true");
        props.put("sandbox.hide-newest", "25");

        SandboxSettings s = SandboxSettings.fromProperties(props::get);

        assertThat(s)
                .isEqualTo(new SandboxSettings(
                        18080,
                        321,
                        15,
                        5,
                        0.25,
                        3,
                        -7,
                        1500,
                        EnumSet.of(FaultKind.HTTP_503, FaultKind.HANG, FaultKind.TOO_FREQUENT),
                        1000,
                        "/tmp/sandbox-key.properties",
                        CeilingMode.REPEAT,
                        0.3,
                        true,
                        12,
                        750,
                        true,
                        SandboxSettings.DEFAULT_REPLY_SHARE,
                        0.0,
                        25));
        assertThat(SettingsCatalog.shipped().keys()).containsAll(props.keySet());
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertBad("sandbox.port", "eighty");
        assertBad("sandbox.port", "70000");
        assertBad("sandbox.comments-per-thread", "-1");
        assertBad("sandbox.latency-ms", "1.5");
        assertBad("sandbox.fault-rate", "1.5");
        assertBad("sandbox.fault-rate", "NaN");
        assertBad("sandbox.max-faults-per-page", "x");
        assertBad("sandbox.seed", "0x2a");
        assertBad("sandbox.hang-ms", "-3");
        assertBad("sandbox.fault-kinds", "http-503,explode");
        assertBad("sandbox.fault-kinds", " , ");
        assertBad("sandbox.offset-ceiling", "-10");
        assertBad("sandbox.ceiling-mode", "loop");
        assertBad("sandbox.same-time-share", "1.01");
        assertBad("sandbox.same-time-share", "-0.5");
        assertBad("sandbox.same-time-share", "half");
        assertBad("sandbox.order-type-effective", "yes");
        assertBad("sandbox.rate-limit", "-1");
        assertBad("sandbox.rate-limit", "2.5");
        assertBad("sandbox.penalty-ms", "-100");
        assertBad("sandbox.require-cookies", "1");
        assertBad("sandbox.hide-newest", "-1");
        assertBad("sandbox.hide-newest", "few");
    }

    @Test
    void badValuesAreOneLine() {
        assertThatThrownBy(() -> SandboxSettings.fromProperties(Map.of("sandbox.ceiling-mode", "loop")::get))
                .hasMessage("invalid value 'loop' for sandbox.ceiling-mode: must be empty or repeat");
        assertThatThrownBy(() -> SandboxSettings.fromProperties(Map.of("sandbox.require-cookies", "1")::get))
                .hasMessage("invalid value '1' for sandbox.require-cookies: must be true or false");
    }

    @Test
    void theCaptchaIsNeverADefaultFaultKindButCanBeNamed() {
        assertThat(FaultKind.defaults()).doesNotContain(FaultKind.CAPTCHA).hasSize(FaultKind.values().length - 1);
        assertThat(SandboxSettings.defaults()
                        .withFaultKinds((java.util.Set<FaultKind>) null)
                        .faultKinds())
                .isEqualTo(FaultKind.defaults());
        assertThat(SandboxSettings.fromProperties(Map.of("sandbox.fault-kinds", "captcha, cheating")::get)
                        .faultKinds())
                .containsExactlyInAnyOrder(FaultKind.CAPTCHA, FaultKind.CHEATING);
        assertThat(FaultKind.CAPTCHA.propertyName()).isEqualTo("captcha");
        assertThatThrownBy(() -> SandboxSettings.fromProperties(Map.of("sandbox.fault-kinds", "capcha")::get))
                .hasMessageContaining("sandbox.fault-kinds")
                .hasMessageContaining("captcha");
    }

    @Test
    void faultKindsHavePropertyNames() {
        assertThat(FaultKind.HTTP_503.propertyName()).isEqualTo("http-503");
        assertThat(FaultKind.TRUNCATED_JSON.propertyName()).isEqualTo("truncated-json");
        for (FaultKind kind : FaultKind.values()) {
            assertThat(FaultKind.parse(kind.propertyName().toUpperCase())).isEqualTo(kind);
        }
    }

    @Test
    void copyHelpersChangeOneField() {
        SandboxSettings s = SandboxSettings.defaults()
                .withFaultRate(0.5)
                .withLatencyMs(10)
                .withCommentsPerThread(99)
                .withFaultKinds(FaultKind.CHEATING)
                .withOffsetCeiling(40)
                .withSeed(1)
                .withHangMs(5)
                .withMaxFaultsPerPage(4)
                .withJitterMs(2)
                .withPort(0)
                .withKeyFile("");

        assertThat(s)
                .isEqualTo(new SandboxSettings(0, 99, 10, 2, 0.5, 4, 1, 5, EnumSet.of(FaultKind.CHEATING), 40, null));
        SandboxSettings site = s.withCeilingMode(CeilingMode.REPEAT)
                .withSameTimeShare(0.25)
                .withOrderTypeEffective(true)
                .withRateLimit(8)
                .withPenaltyMs(300)
                .withRequireCookies(true);
        assertThat(site)
                .isEqualTo(new SandboxSettings(
                        0,
                        99,
                        10,
                        2,
                        0.5,
                        4,
                        1,
                        5,
                        EnumSet.of(FaultKind.CHEATING),
                        40,
                        null,
                        CeilingMode.REPEAT,
                        0.25,
                        true,
                        8,
                        300,
                        true,
                        SandboxSettings.DEFAULT_REPLY_SHARE,
                        0.0,
                        0));
        assertThatThrownBy(() -> s.withSameTimeShare(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sameTimeShare");
        assertThatThrownBy(() -> s.withRateLimit(-1)).hasMessageContaining("rateLimit");
        assertThatThrownBy(() -> s.withPenaltyMs(-1)).hasMessageContaining("penaltyMs");
        assertThat(s.withHideNewest(7).hideNewest()).isEqualTo(7);
        assertThatThrownBy(() -> s.withHideNewest(-1)).hasMessageContaining("hideNewest");
        assertThatThrownBy(() -> s.withFaultKinds(EnumSet.allOf(FaultKind.class))
                        .faultKinds()
                        .clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.withFaultRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBad(String key, String value) {
        assertThatThrownBy(() -> SandboxSettings.fromProperties(Map.of(key, value)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(value.trim().isEmpty() ? key : value.trim());
    }
}
