package io.commentharvester.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
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
 * never limits a client's concurrency.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String NEW_API_PATH = "/weapi/comment/resource/comments/get";
    public static final String OLD_API_PREFIX = "/weapi/v1/resource/comments/";
    public static final String STATS_PATH = "/__sandbox/stats";

    /** The thread prefixes of the contract. */
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

    private static final Pattern THREAD_ID = Pattern.compile(
            "(?:R_SO_4_|R_MV_5_|A_PL_0_|R_AL_3_|A_DJ_1_|R_VI_62_|A_EV_2_)[0-9]{1,19}");
    private static final Pattern OLD_API_PATH = Pattern.compile(Pattern.quote(OLD_API_PREFIX) + "([^/]+)/?");
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final byte[] BODY_503 = "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    /**
     * Rejects request texts with content after the JSON value, and writes 4-byte characters (emoji) as raw UTF-8,
     * not as escaped surrogate pairs.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxServer(SandboxSettings settings, SandboxKey key) throws IOException {
        this.settings = settings;
        this.key = key;
        this.corpus = new CommentCorpus(settings.commentsPerThread());
        this.faults = new FaultPlan(settings);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()),
                1024);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "sandbox-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a sandbox; with {@link SandboxSettings#keyFile()} set, its key is loaded from (or written to) it. */
    public static SandboxServer start(SandboxSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        SandboxKey key = settings.keyFile() == null ? SandboxKey.generate()
                : SandboxKey.loadOrCreate(Path.of(settings.keyFile()));
        SandboxServer sandbox = new SandboxServer(settings, key);
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

    public double faultRate() {
        return faults.rate();
    }

    /**
     * Makes every request for page {@code pageNo} (1-based) of the thread fail with {@code kind}: a request matches
     * when it pages by offset and its offset is {@code (pageNo - 1) * pageSize} of its own page size (limit on the
     * old API). Not bounded by {@code maxFaultsPerPage}.
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
        String kinds = settings.faultKinds().stream().map(FaultKind::propertyName).reduce((a, b) -> a + "," + b)
                .orElse("none");
        return "weapi sandbox listening on " + baseUrl() + "\n"
                + "  POST " + baseUrl() + NEW_API_PATH + "\n"
                + "  POST " + baseUrl() + OLD_API_PREFIX + "{threadId}\n"
                + "  GET  " + baseUrl() + STATS_PATH + "\n"
                + "  RSA modulus (hex): " + rsaModulusHex() + "\n"
                + "  RSA public exponent (hex): " + rsaPublicExponentHex() + "\n"
                + "  comments per thread: " + (settings.commentsPerThread() > 0 ? settings.commentsPerThread()
                        : CommentCorpus.MIN_DERIVED_COUNT + ".." + CommentCorpus.MAX_DERIVED_COUNT + " (by thread id)")
                + ", latency " + settings.latencyMs() + " ms + jitter " + settings.jitterMs() + " ms"
                + (settings.offsetCeiling() > 0 ? ", offset ceiling " + settings.offsetCeiling() : "") + "\n"
                + "  faults: rate " + faults.rate() + ", kinds " + kinds + ", at most " + settings.maxFaultsPerPage()
                + " per page, seed " + settings.seed() + ", hang " + settings.hangMs() + " ms";
    }

    /** Stops listening, releases handlers that wait (latency, hangs) and closes the connections. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What to send back, and how the request is recorded. */
    private record Answer(int status, String contentType, byte[] body, String outcome, boolean hang) {
    }

    private void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(method) && STATS_PATH.equals(path)) {
            try (exchange) {
                drain(exchange.getRequestBody());
                send(exchange, 200, JSON_TYPE, stats.toJson().getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // the client went away; nothing to record for the control endpoint
            }
            return;
        }
        stats.entered();
        try {
            byte[] body = drain(exchange.getRequestBody());
            pause(settings.latencyMs() + (settings.jitterMs() > 0
                    ? ThreadLocalRandom.current().nextLong(settings.jitterMs() + 1) : 0));
            Incoming incoming = new Incoming();
            Answer answer = route(method, path, body, incoming);
            stats.record(new RecordedRequest(method, path, exchange.getRequestURI().getRawQuery(), incoming.innerJson,
                    incoming.encSecKeyLength, answer.outcome(), headers(exchange)));
            if (answer.hang()) {
                pause(settings.hangMs());
            }
            send(exchange, answer.status(), answer.contentType(), answer.body());
        } catch (IOException | RuntimeException e) {
            // the client went away or the sandbox is closing: the exchange is closed below
        } finally {
            exchange.close();
            stats.left();
        }
    }

    /** What was learned from the request body, for the record. */
    private static final class Incoming {
        String innerJson;
        int encSecKeyLength;
    }

    private Answer route(String method, String path, byte[] body, Incoming incoming) {
        boolean post = "POST".equals(method);
        if (post && NEW_API_PATH.equals(path)) {
            return weapi(body, incoming, null);
        }
        Matcher old = OLD_API_PATH.matcher(path);
        if (post && old.matches()) {
            return weapi(body, incoming, old.group(1));
        }
        ObjectNode notFound = JSON.createObjectNode();
        notFound.put("code", 404);
        notFound.put("message", "not found: " + method + " " + path);
        return new Answer(404, JSON_TYPE, bytes(notFound), "not-found", false);
    }

    /** Decrypts, validates and answers one comment request; {@code oldApiThread} is null for the new API. */
    private Answer weapi(byte[] body, Incoming incoming, String oldApiThread) {
        PageRequest page;
        try {
            Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
            String encSecKey = form.get("encSecKey");
            incoming.encSecKeyLength = encSecKey == null ? 0 : encSecKey.length();
            String text = key.decrypt(form.get("params"), encSecKey);
            incoming.innerJson = text;
            JsonNode request;
            try {
                request = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new BadRequestException("the request text is not JSON");
            }
            if (request == null || !request.isObject()) {
                throw new BadRequestException("the request text is not a JSON object");
            }
            page = oldApiThread == null ? newApiRequest(request) : oldApiRequest(oldApiThread, request);
        } catch (BadRequestException e) {
            ObjectNode error = JSON.createObjectNode();
            error.put("code", 400);
            error.put("message", e.getMessage());
            error.putNull("data");
            return new Answer(200, JSON_TYPE, bytes(error), "bad-request", false);
        }

        FaultKind fault = faults.decide(page.threadId, page.faultKey(), page.cursorMode ? -1 : page.offset,
                page.size);
        if (fault == FaultKind.HTTP_503) {
            return new Answer(503, "text/html;charset=UTF-8", BODY_503, fault.propertyName(), false);
        }
        if (fault == FaultKind.CHEATING) {
            return new Answer(200, JSON_TYPE, error(-460, "Cheating"), fault.propertyName(), false);
        }
        if (fault == FaultKind.TOO_FREQUENT) {
            return new Answer(200, JSON_TYPE, error(405, "操作频繁，请稍候再试"), fault.propertyName(), false);
        }
        byte[] answer = bytes(oldApiThread == null ? newApiAnswer(page) : oldApiAnswer(page));
        if (fault == FaultKind.TRUNCATED_JSON) {
            return new Answer(200, JSON_TYPE, Arrays.copyOf(answer, answer.length / 2), fault.propertyName(), false);
        }
        if (fault == FaultKind.HANG) {
            return new Answer(200, JSON_TYPE, answer, fault.propertyName(), true);
        }
        return new Answer(200, JSON_TYPE, answer, "ok", false);
    }

    /** One validated page request of either API. */
    private static final class PageRequest {
        String threadId;
        CommentOrder order = CommentOrder.TIME;
        boolean cursorMode;
        long cursor;
        long offset;
        int size;
        int sortType;

        String faultKey() {
            return cursorMode ? "cursor:" + cursor : "offset:" + offset;
        }
    }

    private PageRequest newApiRequest(JsonNode request) throws BadRequestException {
        PageRequest page = new PageRequest();
        String threadId = text(request, "threadId");
        if (threadId == null) {
            threadId = text(request, "rid");
        }
        if (threadId == null) {
            throw new BadRequestException("threadId is missing");
        }
        page.threadId = checkThreadId(threadId);

        Long pageSize = number(request, "pageSize");
        if (pageSize == null) {
            throw new BadRequestException("pageSize is missing");
        }
        if (pageSize < 1) {
            throw new BadRequestException("pageSize must be positive");
        }
        page.size = (int) Math.min(pageSize, NEW_API_MAX_PAGE_SIZE);

        Long offset = number(request, "offset");
        if (offset == null) {
            Long pageNo = number(request, "pageNo");
            if (pageNo == null) {
                throw new BadRequestException("pageNo or offset is missing");
            }
            if (pageNo < 1 || pageNo > Integer.MAX_VALUE) {
                throw new BadRequestException("pageNo must be >= 1");
            }
            offset = (pageNo - 1) * page.size;
        }
        if (offset < 0) {
            throw new BadRequestException("offset must be >= 0");
        }
        page.offset = offset;

        Long sortType = number(request, "sortType");
        Long orderType = number(request, "orderType");
        if (sortType != null) {
            if (sortType == 99 || sortType == 1) {
                page.order = CommentOrder.RECOMMENDED;
            } else if (sortType == 2) {
                page.order = CommentOrder.HOT;
            } else if (sortType == 3) {
                page.order = CommentOrder.TIME;
            } else {
                throw new BadRequestException("unknown sortType " + sortType);
            }
            page.sortType = sortType.intValue();
        } else {
            long order = orderType == null ? 1 : orderType;
            if (order == 1) {
                page.order = CommentOrder.RECOMMENDED;
                page.sortType = 99;
            } else if (order == 2) {
                page.order = CommentOrder.HOT;
                page.sortType = 2;
            } else if (order == 3) {
                page.order = CommentOrder.TIME;
                page.sortType = 3;
            } else {
                throw new BadRequestException("unknown orderType " + order);
            }
        }
        if (page.order == CommentOrder.TIME) {
            Long cursor = number(request, "cursor");
            if (cursor != null && cursor > 0) {
                page.cursorMode = true;
                page.cursor = cursor;
            }
        }
        return page;
    }

    private PageRequest oldApiRequest(String pathThreadId, JsonNode request) throws BadRequestException {
        PageRequest page = new PageRequest();
        page.threadId = checkThreadId(pathThreadId);
        Long offset = number(request, "offset");
        page.offset = offset == null ? 0 : offset;
        if (page.offset < 0) {
            throw new BadRequestException("offset must be >= 0");
        }
        Long limit;
        try {
            limit = number(request, "limit");
        } catch (BadRequestException e) {
            limit = null;
        }
        page.size = limit == null || limit < 1 ? OLD_API_DEFAULT_LIMIT : (int) Math.min(limit, OLD_API_MAX_LIMIT);
        Long beforeTime = number(request, "beforeTime");
        if (beforeTime != null && beforeTime > 0) {
            page.cursorMode = true;
            page.cursor = beforeTime;
        }
        return page;
    }

    private static String checkThreadId(String threadId) throws BadRequestException {
        if (!THREAD_ID.matcher(threadId).matches()) {
            throw new BadRequestException("bad threadId '" + threadId + "': expected a known prefix and digits");
        }
        return threadId;
    }

    /** The comments of the page, with whether more follow. */
    private record Slice(List<ObjectNode> comments, int total, boolean hasMore) {
    }

    private Slice slice(PageRequest page) {
        CommentCorpus.ThreadComments thread = corpus.thread(page.threadId);
        List<ObjectNode> ordered = thread.ordered(page.order);
        int total = ordered.size();
        if (page.cursorMode) {
            int start = thread.firstOlderThan(page.cursor);
            int end = (int) Math.min((long) start + page.size, total);
            return new Slice(ordered.subList(start, end), total, end < total);
        }
        int reachable = settings.offsetCeiling() > 0 ? Math.min(total, settings.offsetCeiling()) : total;
        if (page.offset >= reachable) {
            return new Slice(List.of(), total, false);
        }
        int start = (int) page.offset;
        int end = (int) Math.min(page.offset + page.size, reachable);
        return new Slice(ordered.subList(start, end), total, end < reachable);
    }

    private ObjectNode newApiAnswer(PageRequest page) {
        Slice slice = slice(page);
        ObjectNode root = JSON.createObjectNode();
        root.put("code", 200);
        root.putNull("message");
        ObjectNode data = root.putObject("data");
        ArrayNode comments = data.putArray("comments");
        slice.comments().forEach(comments::add);
        data.put("totalCount", slice.total());
        data.put("hasMore", slice.hasMore());
        // the time of the last comment on the page; an empty page repeats the cursor it was asked for
        data.put("cursor", slice.comments().isEmpty() ? String.valueOf(page.cursorMode ? page.cursor : 0)
                : String.valueOf(slice.comments().get(slice.comments().size() - 1).get("time").longValue()));
        data.put("sortType", page.sortType);
        return root;
    }

    private ObjectNode oldApiAnswer(PageRequest page) {
        Slice slice = slice(page);
        ObjectNode root = JSON.createObjectNode();
        root.put("isMusician", false);
        root.put("userId", -1);
        root.putArray("topComments");
        if (page.offset == 0) {
            List<ObjectNode> hot = corpus.thread(page.threadId).byHot;
            ArrayNode hotComments = root.putArray("hotComments");
            hot.subList(0, Math.min(HOT_COMMENTS, hot.size())).forEach(hotComments::add);
            root.put("moreHot", hot.size() > HOT_COMMENTS);
        }
        root.put("code", 200);
        ArrayNode comments = root.putArray("comments");
        slice.comments().forEach(comments::add);
        root.put("total", slice.total());
        root.put("more", slice.hasMore());
        return root;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A string field (numbers are accepted as their text); null when absent, JSON null or empty. */
    private static String text(JsonNode request, String field) throws BadRequestException {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new BadRequestException(field + " must be a string");
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }

    /** An integer field sent as a number or a string; null when absent, JSON null or empty. */
    private static Long number(JsonNode request, String field) throws BadRequestException {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            String value = node.textValue().trim();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new BadRequestException(field + " is not an integer: '" + value + "'");
            }
        }
        throw new BadRequestException(field + " is not an integer");
    }

    private static Map<String, String> parseForm(String body) throws BadRequestException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("the form body is not URL-encoded");
            }
        }
        return form;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(", ", header.getValue()));
        }
        return headers;
    }

    private static byte[] error(int code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        return bytes(error);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an answer", e);
        }
    }

    private static byte[] drain(InputStream body) throws IOException {
        try (body) {
            return body.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Waits {@code millis}, or less when the sandbox is closed meanwhile. */
    private void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
