package io.commentharvester.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsACauseByTypeThroughWrappers() {
        Exception error =
                new IllegalStateException("outer", new RuntimeException("middle", new SocketTimeoutException("slow")));

        assertThat(Causes.find(error, IOException.class)).hasMessage("slow");
        assertThat(Causes.find(error, IllegalArgumentException.class)).isNull();
        assertThat(Causes.chain(error)).hasSize(3);
    }

    @Test
    void rootMessageNamesTheInnermostCauseOnOneLine() {
        Exception error =
                new RuntimeException("wrapper", new IOException("Unknown node id: too\n    - too: x\n      ^\n"));

        assertThat(Causes.rootMessage(error)).isEqualTo("IOException: Unknown node id: too - too: x");
        assertThat(Causes.rootText(error)).isEqualTo("Unknown node id: too - too: x");
        assertThat(Causes.rootText(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);

        assertThat(Causes.chain(first)).containsExactly(first, second);
    }
}
