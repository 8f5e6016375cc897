package io.commentharvester.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;

import com.fasterxml.jackson.core.io.JsonEOFException;

import io.commentharvester.polite.PoliteRequests;
import io.commentharvester.weapi.CaptchaRequiredException;
import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

class RequestOutcomeTest {

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://x", status, "status", null, null, "");
    }

    @Test
    void everyKindOfFailureFallsInOneClassLookingThroughWrappers() {
        assertThat(RequestOutcome.of(null)).isEqualTo(RequestOutcome.OK);
        assertThat(RequestOutcome.of(WeapiApiException.of("p", 405, "too frequent")))
                .isEqualTo(RequestOutcome.RATE_LIMITED);
        assertThat(RequestOutcome.of(WeapiApiException.of("p", -460, "Cheating")))
                .isEqualTo(RequestOutcome.RATE_LIMITED);
        assertThat(RequestOutcome.of(http(503))).isEqualTo(RequestOutcome.RATE_LIMITED);
        assertThat(RequestOutcome.of(http(429))).isEqualTo(RequestOutcome.RATE_LIMITED);
        assertThat(RequestOutcome.of(http(500))).isEqualTo(RequestOutcome.HTTP_ERROR);
        assertThat(RequestOutcome.of(new CaptchaRequiredException("p", "verify", null)))
                .isEqualTo(RequestOutcome.CAPTCHA);
        assertThat(RequestOutcome.of(WeapiApiException.of("p", 400, "bad"))).isEqualTo(RequestOutcome.API_ERROR);
        assertThat(RequestOutcome.of(new MalformedAnswerException("no list"))).isEqualTo(RequestOutcome.MALFORMED);
        assertThat(RequestOutcome.of(new CamelExecutionException("x", null, new JsonEOFException(null, null, "cut"))))
                .isEqualTo(RequestOutcome.MALFORMED);
        assertThat(RequestOutcome.of(new IOException(new SocketTimeoutException("Read timed out"))))
                .isEqualTo(RequestOutcome.TIMEOUT);
        assertThat(RequestOutcome.of(new ConnectException("Connection refused")))
                .isEqualTo(RequestOutcome.TRANSPORT);
        assertThat(RequestOutcome.of(new UnknownHostException("nowhere"))).isEqualTo(RequestOutcome.TRANSPORT);
        assertThat(RequestOutcome.of(new RedisConnectionFailureException("gone")))
                .isEqualTo(RequestOutcome.REDIS);
        assertThat(RequestOutcome.of(new IllegalStateException("?"))).isEqualTo(RequestOutcome.OTHER);
    }

    @Test
    void aRequestThatWasNeverSentHasNoOutcome() {
        assertThat(RequestOutcome.of(new PoliteRequests.RunStoppedException())).isNull();
    }

    @Test
    void labelsAreKebabCase() {
        assertThat(RequestOutcome.RATE_LIMITED.label()).isEqualTo("rate-limited");
        assertThat(RequestOutcome.OK.label()).isEqualTo("ok");
    }
}
