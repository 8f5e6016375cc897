package io.commentharvester.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

class UnreachableTest {

    @Test
    void anUnknownHostIsUnreachableEvenWrapped() {
        Exception failure = new RuntimeException(new IOException(new UnknownHostException("no-such-host.invalid")));
        assertThat(Unreachable.reason(failure, "no-such-host.invalid", true))
                .startsWith("cannot reach no-such-host.invalid: unknown host")
                .endsWith("with --sandbox");
    }

    @Test
    void anUntrustedCertificateIsUnreachable() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        assertThat(Unreachable.reason(handshake, "music.163.com", true)).contains("TLS certificate is not trusted");
        SSLHandshakeException wrapped = new SSLHandshakeException("handshake");
        wrapped.initCause(new CertificateException("expired"));
        assertThat(Unreachable.reason(wrapped, "music.163.com", false)).contains("TLS certificate");
    }

    @Test
    void aRefusalIsUnreachableOnlyFromAServerThatNeverAnswered() {
        ConnectException refused = new ConnectException("Connection refused");
        assertThat(Unreachable.reason(refused, "127.0.0.1", false)).contains("connection refused");
        assertThat(Unreachable.reason(refused, "127.0.0.1", true))
                .as("a restart, perhaps")
                .isNull();
    }

    @Test
    void timeoutsAndOtherFailuresMayClearUp() {
        assertThat(Unreachable.reason(new SocketTimeoutException("Read timed out"), "h", false))
                .isNull();
        assertThat(Unreachable.reason(new IllegalStateException("x"), "h", false))
                .isNull();
    }

    @Test
    void theWatchRemembersAnyAnswer() {
        ServerWatch watch = new ServerWatch(1000, () -> 0L);
        assertThat(watch.everAnswered()).isFalse();
        watch.failed(new ConnectException("Connection refused"));
        assertThat(watch.everAnswered()).isFalse();
        watch.failed(new IllegalStateException("an API error is an answer"));
        assertThat(watch.everAnswered()).isTrue();
    }
}
