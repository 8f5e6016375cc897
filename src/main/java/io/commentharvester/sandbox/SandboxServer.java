package io.commentharvester.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.sun.net.httpserver.HttpServer;

/**
 * An offline emulator of the weapi comment endpoints, on 127.0.0.1 with its own RSA key:
 * <ul>
 *   <li>{@code POST /weapi/comment/resource/comments/get} (the new API)</li>
 *   <li>{@code POST /weapi/v1/resource/comments/{threadId}} (the old API)</li>
 *   <li>{@code GET /__sandbox/stats}</li>
 * </ul>
 * It decrypts requests as music.163.com would (a client encrypts with {@link #rsaModulusHex()} and
 * {@link #rsaPublicExponentHex()}), serves the deterministic {@link CommentCorpus}, adds the configured latency,
 * and injects deterministic faults. Every handler runs on its own thread of an unbounded pool, so the sandbox
 * never limits a client's concurrency. On request it behaves more like the site: an offset ceiling that empties or
 * repeats pages, comments sharing a millisecond, a rate limit with a penalty, required cookies, captchas; and by
 * default the new API's {@code orderType} has no effect, as the contract reports (see {@link SandboxSettings}).
 * <p>
 * This class is the server: lifecycle, the JDK {@link HttpServer} and the controls of tests. Each exchange is
 * handled by the {@link SandboxHandler} (latency, in-flight counting, the record); what to answer is decided by the
 * {@link WeapiDispatcher} ({@link RequestDecoder} reads the request, {@link AnswerRenderer}
 * writes the answer).
 */
public final class SandboxServer implements AutoCloseable {

    public static final String NEW_API_PATH = "/weapi/comment/resource/comments/get";
    public static final String OLD_API_PREFIX = "/weapi/v1/resource/comments/";
    public static final String STATS_PATH = "/__sandbox/stats";

    /**
     * The thread prefixes of the contract: song, MV, playlist, album, DJ program, video (a hexadecimal id), event.
     * Every thread has its own corpus, derived from the whole thread id.
     */
    public static final List<String> THREAD_PREFIXES =
            List.of("R_SO_4_", "R_MV_5_", "A_PL_0_", "R_AL_3_", "A_DJ_1_", "R_VI_62_", "A_EV_2_");

    /** The new API's page size cap: the contract only says the server caps it and to keep it <= 50, so the
     *  sandbox serves a larger pageSize as 50 (and computes pageNo offsets with the capped size). */
    public static final int NEW_API_MAX_PAGE_SIZE = 50;
    /** The old API's limit: values above the cap are served as the cap, absent or unusable values as 20. */
    public static final int OLD_API_MAX_LIMIT = 100;

    public static final int OLD_API_DEFAULT_LIMIT = 20;
    /** How many hot comments the old API adds to its first page. */
    public static final int HOT_COMMENTS = 15;

    static {
        // The JDK server writes the response headers and the body separately; without TCP_NODELAY the body waits
        // for the client's delayed ACK (~40 ms a request). The property is read once, when the first HttpServer
        // is created in this JVM, and only set here when nobody chose a value.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxSettings settings;
    private final SandboxKey key;
    private final CommentCorpus corpus;
    private final SandboxStats stats = new SandboxStats();
    private final FaultPlan faults;
    private final WeapiDispatcher dispatcher;
    private final AnswerRenderer renderer;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxHandler handler;

    private SandboxServer(SandboxSettings settings, SandboxKey key, LongSupplier nanoClock) throws IOException {
        this.settings = settings;
        this.key = key;
        this.corpus = new CommentCorpus(
                settings.commentsPerThread(), settings.sameTimeShare(), settings.replyShare(), settings.oddShare());
        this.faults = new FaultPlan(settings);
        this.renderer = new AnswerRenderer(corpus, settings);
        this.dispatcher = new WeapiDispatcher(
                new RequestDecoder(key, settings.orderTypeEffective()),
                renderer,
                faults,
                new RateLimiter(settings.rateLimit(), settings.penaltyMs(), nanoClock),
                stats,
                settings.requireCookies());
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()), 1024);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "sandbox-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(executor);
        this.handler = new SandboxHandler(settings, stats, dispatcher);
        server.createContext("/", handler);
    }

    /** Starts a sandbox; with {@link SandboxSettings#keyFile()} set, its key is loaded from (or written to) it. */
    public static SandboxServer start(SandboxSettings settings) throws IOException {
        return start(settings, System::nanoTime);
    }

    /** As {@link #start(SandboxSettings)}, with the rate limit's clock (monotonic nanoseconds) given, for tests. */
    static SandboxServer start(SandboxSettings settings, LongSupplier nanoClock) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(nanoClock, "nanoClock");
        SandboxKey key = settings.keyFile() == null
                ? SandboxKey.generate()
                : SandboxKey.loadOrCreate(Path.of(settings.keyFile()));
        SandboxServer sandbox = new SandboxServer(settings, key, nanoClock);
        sandbox.server.start();
        return sandbox;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Lowercase hex of the RSA modulus, for {@code new WeapiCrypto(modulus, exponent)}. */
    public String rsaModulusHex() {
        return key.modulusHex();
    }

    /** {@code 010001} */
    public String rsaPublicExponentHex() {
        return key.publicExponentHex();
    }

    public SandboxSettings settings() {
        return settings;
    }

    public SandboxStats stats() {
        return stats;
    }

    public CommentCorpus corpus() {
        return corpus;
    }

    /** Changes the probability of random faults from now on (the per-page fault bound still applies). */
    public void setFaultRate(double rate) {
        faults.setRate(rate);
    }

    /**
     * Hides the newest {@code count} comments of every thread from now on (sandbox.hide-newest): lowering it
     * makes every thread grow by the difference, as new comments would.
     */
    public void setHideNewest(int count) {
        renderer.setHideNewest(count);
    }

    public int hideNewest() {
        return renderer.hideNewest();
    }

    public double faultRate() {
        return faults.rate();
    }

    /**
     * Makes every request for page {@code pageNo} (1-based) of the thread fail with {@code kind}: a request matches
     * when its {@code pageNo} field says that page (as a cursor walk numbers its pages), or, without one, when its
     * offset is {@code (pageNo - 1) * pageSize} of its own page size (limit on the old API). Not bounded by
     * {@code maxFaultsPerPage}.
     */
    public void failPageAlways(String threadId, int pageNo, FaultKind kind) {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(kind, "kind");
        if (pageNo < 1) {
            throw new IllegalArgumentException("pageNo must be >= 1: " + pageNo);
        }
        faults.failAlways(threadId, pageNo, kind);
    }

    public void clearPermanentFaults() {
        faults.clearPermanent();
    }

    /** A few lines for a console: where the sandbox listens, its endpoints and its RSA public key. */
    public String describe() {
        String kinds = settings.faultKinds().stream()
                .map(FaultKind::propertyName)
                .reduce((a, b) -> a + "," + b)
                .orElse("none");
        return "weapi sandbox listening on " + baseUrl() + "\n"
                + "  POST " + baseUrl() + NEW_API_PATH + "\n"
                + "  POST " + baseUrl() + OLD_API_PREFIX + "{threadId}\n"
                + "  GET  " + baseUrl() + STATS_PATH
                + "[?recent=n] (counts, in-flight, the latest requests decrypted)\n"
                + "  RSA modulus (hex): " + rsaModulusHex() + "\n"
                + "  RSA public exponent (hex): " + rsaPublicExponentHex() + "\n"
                + "  comments per thread: "
                + (settings.commentsPerThread() > 0
                        ? settings.commentsPerThread()
                        : CommentCorpus.MIN_DERIVED_COUNT + ".." + CommentCorpus.MAX_DERIVED_COUNT + " (by thread id)")
                + ", latency " + settings.latencyMs() + " ms + jitter " + settings.jitterMs() + " ms"
                + (settings.offsetCeiling() > 0
                        ? ", offset ceiling " + settings.offsetCeiling() + " ("
                                + settings.ceilingMode().propertyName() + ")"
                        : "")
                + "\n"
                + "  faults: rate " + faults.rate() + ", kinds " + kinds + ", at most " + settings.maxFaultsPerPage()
                + " per page, seed " + settings.seed() + ", hang " + settings.hangMs() + " ms\n"
                + "  site: orderType " + (settings.orderTypeEffective() ? "picks the order" : "has no effect")
                + ", same-ms share " + settings.sameTimeShare() + ", rate limit "
                + (settings.rateLimit() > 0
                        ? settings.rateLimit() + "/s (penalty " + settings.penaltyMs() + " ms)"
                        : "off")
                + ", cookies " + (settings.requireCookies() ? "required" : "not required");
    }

    /** Stops listening, releases handlers that wait (latency, hangs) and closes the connections. Idempotent. */
    @Override
    public void close() {
        if (!handler.close()) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * From now on, answers come a byte every {@code millis} (0: at once), as from a crawling server whose every
     * read arrives within any response timeout.
     */
    public void setTrickleMs(long millis) {
        handler.setTrickleMs(millis);
    }

    /** From now on (true), requests are accepted and never answered, as by a server that stopped answering. */
    public void setSilent(boolean silent) {
        handler.setSilent(silent);
    }
}
