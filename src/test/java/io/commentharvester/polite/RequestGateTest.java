package io.commentharvester.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The run's request gate: additive increase, multiplicative decrease, one pause per burst, longer pauses. */
class RequestGateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RequestGate gate(double rate) {
        return new RequestGate(rate, 20_000, 120_000, now::get);
    }

    private void advanceMs(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aRateLimitHalvesTheRateAndPausesEveryone() {
        RequestGate gate = gate(16);
        assertThat(gate.rateLimited(now.get(), "405")).isTrue();
        assertThat(gate.rate()).isEqualTo(8);
        assertThat(gate.isPaused()).isTrue();
        advanceMs(20_000);
        assertThat(gate.isPaused()).isFalse();
    }

    @Test
    void answersToRequestsSentBeforeThePauseDoNotPauseAgain() {
        RequestGate gate = gate(16);
        long sentEarlier = now.get();
        advanceMs(10);
        gate.rateLimited(now.get(), "405");
        advanceMs(20_001);
        // an answer that was on its way when the pause began: same burst
        assertThat(gate.rateLimited(sentEarlier, "405")).isFalse();
        assertThat(gate.rate()).isEqualTo(8);
        assertThat(gate.pauses()).isEqualTo(1);
    }

    @Test
    void aLimitThatComesBackSoonDoublesThePauseUpToTheMaximum() {
        RequestGate gate = gate(16);
        gate.rateLimited(now.get(), "405");
        advanceMs(20_001);
        gate.rateLimited(now.get(), "405");
        advanceMs(39_999);
        assertThat(gate.isPaused()).as("second pause is 40 s").isTrue();
        advanceMs(2);
        gate.rateLimited(now.get(), "405");
        advanceMs(79_999);
        assertThat(gate.isPaused()).as("third pause is 80 s").isTrue();
        advanceMs(2);
        gate.rateLimited(now.get(), "405");
        advanceMs(119_999);
        assertThat(gate.isPaused()).as("capped at 120 s").isTrue();
        advanceMs(2);
        assertThat(gate.isPaused()).isFalse();
    }

    @Test
    void goodAnswersRaiseTheRateByOneASecondsWorthAtATimeNeverAboveTheCap() {
        RequestGate gate = gate(16);
        gate.rateLimited(now.get(), "-460");
        assertThat(gate.rate()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            gate.answeredWell();
        }
        assertThat(gate.rate()).isEqualTo(9);
        for (int i = 0; i < 1000; i++) {
            gate.answeredWell();
        }
        assertThat(gate.rate()).isEqualTo(16);
    }

    @Test
    void aLimitLongAfterTheLastStartsAgainWithTheFirstPause() {
        RequestGate gate = gate(16);
        gate.rateLimited(now.get(), "405");
        advanceMs(600_000);
        gate.rateLimited(now.get(), "405");
        advanceMs(20_001);
        assertThat(gate.isPaused()).isFalse();
    }

    @Test
    void aClosedGateLetsNobodyThrough() throws Exception {
        RequestGate gate = new RequestGate(16, 20_000, 120_000);
        gate.rateLimited(System.nanoTime(), "405");
        gate.close();
        assertThat(gate.pass()).isEqualTo(-1);
    }
}
