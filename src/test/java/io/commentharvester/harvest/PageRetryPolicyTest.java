package io.commentharvester.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;

import com.fasterxml.jackson.core.JsonParseException;

import io.commentharvester.weapi.MalformedAnswerException;
import io.commentharvester.weapi.WeapiApiException;

class PageRetryPolicyTest {

    @Test
    void transientFailuresAreRetried() {
        assertThat(PageRetryPolicy.isTransient(new SocketTimeoutException("Read timed out")))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(new HttpOperationFailedException("u", 503, "busy", null, null, "")))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(new HttpOperationFailedException("u", 429, "slow", null, null, "")))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(new JsonParseException(null, "Unexpected end-of-input")))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(new MalformedAnswerException("no comments")))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(WeapiApiException.of("p", -460, "Cheating")))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(WeapiApiException.of("p", 405, null)))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(new RedisConnectionFailureException("down")))
                .isTrue();
        assertThat(PageRetryPolicy.isTransient(
                        new CamelExecutionException("wrapped", null, new SocketTimeoutException())))
                .isTrue();
    }

    @Test
    void failuresThatCannotImproveAreNot() {
        assertThat(PageRetryPolicy.isTransient(WeapiApiException.of("p", 400, "bad")))
                .isFalse();
        assertThat(PageRetryPolicy.isTransient(WeapiApiException.of("p", 301, "login")))
                .isFalse();
        assertThat(PageRetryPolicy.isTransient(WeapiApiException.of("p", -462, "captcha")))
                .isFalse();
        assertThat(PageRetryPolicy.isTransient(new HttpOperationFailedException("u", 404, "nf", null, null, "")))
                .isFalse();
        assertThat(PageRetryPolicy.isTransient(new IllegalStateException("bug")))
                .isFalse();
        assertThat(PageRetryPolicy.isTransient(null)).isFalse();
    }
}
