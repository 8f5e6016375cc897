package io.commentharvester.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class WebCookiesTest {

    @Test
    void anonymousCookiesAreRandomHexMadeOnceAndTheUsersCookieWins() {
        WebCookies cookies = WebCookies.of("MUSIC_U=abc; os=osx; __csrf=tok123", "", true, new SecureRandom());
        assertThat(cookies.header())
                .matches("_ntes_nuid=[0-9a-f]{32}; NMTID=00O[0-9a-f]{32}; os=osx; MUSIC_U=abc; __csrf=tok123");
        assertThat(cookies.csrfToken()).isEqualTo("tok123");
        assertThat(cookies.toString()).doesNotContain("abc").doesNotContain("tok123");
    }

    @Test
    void aConfiguredCsrfTokenWinsAndNoCookiesWhenTurnedOff() {
        WebCookies cookies = WebCookies.of("", "given", false, new SecureRandom());
        assertThat(cookies.header()).isEmpty();
        assertThat(cookies.csrfToken()).isEqualTo("given");
    }

    @Test
    void twoRunsSendDifferentAnonymousIds() {
        SecureRandom random = new SecureRandom();
        assertThat(WebCookies.of("", "", true, random).header())
                .isNotEqualTo(WebCookies.of("", "", true, random).header());
    }
}
