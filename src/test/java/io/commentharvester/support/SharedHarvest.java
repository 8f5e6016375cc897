package io.commentharvester.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.commentharvester.sandbox.SandboxServer;

/**
 * The harvest that the distributed tests share among processes: one deep thread and twenty small songs, on a
 * sandbox and a Redis of the test class, each harvester started as bin/comment-harvester starts it.
 */
public record SharedHarvest(SandboxServer sandbox, TestRedis redis, long claimIdleMs) {

    public static final String DEEP = "880000";
    public static final int DEEP_COMMENTS = 20_000;
    public static final int WORKERS = 4;

    /** The deep thread, then the twenty small songs. */
    public static List<String> songs() {
        List<String> songs = new ArrayList<>(List.of(DEEP));
        for (int i = 1; i <= 20; i++) {
            songs.add(String.valueOf(880000 + i));
        }
        return songs;
    }

    /** A harvester's arguments: every song, all pages, {@link #WORKERS} workers, no rate cap, keys under prefix. */
    public String[] args(String prefix, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--weapi.base-url=" + sandbox.baseUrl(),
                "--weapi.rsa-modulus=" + sandbox.rsaModulusHex(),
                "--weapi.rsa-public-exponent=" + sandbox.rsaPublicExponentHex(),
                "--redis.url=" + redis.url(),
                "--redis.key-prefix=" + prefix,
                "--harvest.song-ids=" + String.join(",", songs()),
                "--harvest.pages=all",
                "--harvest.concurrency=" + WORKERS,
                "--harvest.max-requests-per-second=0",
                "--harvest.claim-idle-ms=" + claimIdleMs));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** A harvester as bin/comment-harvester starts it (its JVM options, the build's start-up archive). */
    public static JarProcess start(String... args) throws IOException {
        return JarProcess.launch(Map.of("REDIS_URL", ""), args);
    }
}
