package io.commentharvester.jmh;

import java.util.concurrent.TimeUnit;

import io.commentharvester.weapi.WeapiCrypto;
import io.commentharvester.weapi.WeapiForm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The weapi encryption of one comment-page request: what every page costs before it is sent. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WeapiCryptoBenchmark {

    /** A request body as the harvester sends it (page 3 of 20, hot order). */
    static final String REQUEST = "{\"rid\":\"R_SO_4_1359645265\",\"threadId\":\"R_SO_4_1359645265\",\"pageNo\":\"3\","
            + "\"pageSize\":\"20\",\"cursor\":\"-1\",\"offset\":\"40\",\"orderType\":\"2\",\"csrf_token\":\"\"}";
    static final String KEY = "aB3dE5gH7jK9mN1p";

    private final WeapiCrypto crypto = WeapiCrypto.netease();

    /** Everything per request: a fresh secret key (SecureRandom), AES twice, RSA once. */
    @Benchmark
    public WeapiForm encrypt() {
        return crypto.encrypt(REQUEST);
    }

    /** The same with a fixed key: AES twice and RSA, no key generation. */
    @Benchmark
    public WeapiForm encryptFixedKey() {
        return crypto.encrypt(REQUEST, KEY);
    }

    /** Only the textbook RSA of the key (modPow with e = 65537 and a 1024-bit modulus). */
    @Benchmark
    public String rsaOnly() {
        return crypto.rsaEncryptReversed(KEY);
    }
}
