package io.commentharvester.sandbox;

import static io.commentharvester.sandbox.RateLimiter.Decision.LIMIT_PASSED;
import static io.commentharvester.sandbox.RateLimiter.Decision.PASS;
import static io.commentharvester.sandbox.RateLimiter.Decision.PENALTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    private RateLimiter limiter(int limit, long penaltyMs) {
        return new RateLimiter(limit, penaltyMs, nanos::get);
    }

    private void advanceMs(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void upToTheLimitWithinOneSecondEveryRequestPasses() {
        RateLimiter limiter = limiter(5, 2_000);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.arrive()).isEqualTo(PASS);
        }
        advanceMs(1_000);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.arrive())
                    .as("a second later the window is empty again")
                    .isEqualTo(PASS);
            advanceMs(200);
        }
    }

    @Test
    void theRequestThatPassesTheLimitIsRefusedAndStartsThePenalty() {
        RateLimiter limiter = limiter(5, 2_000);
        for (int i = 0; i < 5; i++) {
            limiter.arrive();
        }

        assertThat(limiter.arrive()).isEqualTo(LIMIT_PASSED);
        advanceMs(1_999);
        assertThat(limiter.arrive()).isEqualTo(PENALTY);
        advanceMs(1);
        assertThat(limiter.arrive()).as("penalty-ms after the violation").isEqualTo(PASS);
    }

    @Test
    void theWindowSlides() {
        RateLimiter limiter = limiter(3, 500);
        limiter.arrive();
        advanceMs(600);
        limiter.arrive();
        limiter.arrive();

        advanceMs(399);
        assertThat(limiter.arrive()).as("4 within 1 s").isEqualTo(LIMIT_PASSED);
    }

    @Test
    void refusedRequestsCountInTheWindowSoOneWithinASecondOfTheBurstPassesTheLimitAgain() {
        RateLimiter limiter = limiter(3, 3_000);
        for (int i = 0; i < 4; i++) {
            limiter.arrive();
        }

        advanceMs(999);
        assertThat(limiter.arrive()).isEqualTo(LIMIT_PASSED);
    }

    @Test
    void slowRequestsDuringThePenaltyAreRefusedWithoutExtendingIt() {
        RateLimiter limiter = limiter(3, 3_000);
        for (int i = 0; i < 4; i++) {
            limiter.arrive();
        }
        advanceMs(1_000);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.arrive()).as("at %d ms", 1_000 + i * 500).isEqualTo(PENALTY);
            advanceMs(500);
        }
        assertThat(limiter.arrive()).as("at 3000 ms").isEqualTo(PASS);
    }

    @Test
    void aBurstDuringThePenaltyPassesTheLimitAgainAndRestartsIt() {
        RateLimiter limiter = limiter(2, 3_000);
        for (int i = 0; i < 3; i++) {
            limiter.arrive();
        }
        advanceMs(1_000);
        assertThat(limiter.arrive()).isEqualTo(PENALTY);
        assertThat(limiter.arrive()).isEqualTo(PENALTY);
        assertThat(limiter.arrive()).isEqualTo(LIMIT_PASSED);

        advanceMs(2_999);
        assertThat(limiter.arrive()).isEqualTo(PENALTY);
        advanceMs(1);
        assertThat(limiter.arrive()).as("penalty-ms after the second violation").isEqualTo(PASS);
    }

    @Test
    void aZeroPenaltyRefusesOnlyTheRequestsPastTheLimit() {
        RateLimiter limiter = limiter(1, 0);

        assertThat(limiter.arrive()).isEqualTo(PASS);
        assertThat(limiter.arrive()).isEqualTo(LIMIT_PASSED);
        advanceMs(1_000);
        assertThat(limiter.arrive()).isEqualTo(PASS);
    }

    @Test
    void aLimitOfZeroIsOff() {
        RateLimiter limiter = limiter(0, 2_000);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.arrive()).isEqualTo(PASS);
        }
    }
}
