package io.commentharvester.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decides the answer to one request, as okhttp's MockWebServer keeps its Dispatcher apart from the server: route
 * by path, decode ({@link RequestDecoder}), inject faults ({@link FaultPlan}), render ({@link AnswerRenderer}).
 * Thread-safe; it does no waiting and no I/O.
 */
final class WeapiDispatcher {

    private static final Pattern OLD_API_PATH =
            Pattern.compile(Pattern.quote(SandboxServer.OLD_API_PREFIX) + "([^/]+)/?");
    private static final Pattern HOT_PATH = Pattern.compile(Pattern.quote(ListAnswers.HOT_PREFIX) + "([^/]+)/?");
    private static final byte[] BODY_503 =
            "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>".getBytes(StandardCharsets.UTF_8);

    /** The outcome name of requests refused by the rate limit. */
    static final String RATE_LIMITED = "rate-limited";

    static final String TOO_FREQUENT_MESSAGE = "操作频繁，请稍候再试";
    /** The outcome name of requests refused for lack of the site's cookies. */
    static final String NO_COOKIES = "no-cookies";

    private final RequestDecoder decoder;
    private final AnswerRenderer renderer;
    private final FaultPlan faults;
    private final RateLimiter rateLimiter;
    private final SandboxStats stats;
    private final boolean requireCookies;
    private final ListAnswers lists;

    WeapiDispatcher(
            RequestDecoder decoder,
            AnswerRenderer renderer,
            FaultPlan faults,
            RateLimiter rateLimiter,
            SandboxStats stats,
            boolean requireCookies) {
        this.requireCookies = requireCookies;
        this.decoder = decoder;
        this.renderer = renderer;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.stats = stats;
        this.lists = new ListAnswers(renderer.corpus());
    }

    /**
     * The answer to a request other than the stats endpoint, decided when it arrives; {@code trace} receives what
     * the body held. The rate limit comes first and concerns every request, whatever its path; then the path; then,
     * with {@code require-cookies}, the site's cookies; then the request itself and the faults.
     */
    Answer dispatch(String method, String path, byte[] body, RequestCookies cookies, RequestDecoder.Trace trace) {
        RateLimiter.Decision rate = rateLimiter.arrive();
        if (rate != RateLimiter.Decision.PASS) {
            if (rate == RateLimiter.Decision.LIMIT_PASSED) {
                stats.penaltyStarted();
            }
            return Answer.json(AnswerRenderer.error(405, TOO_FREQUENT_MESSAGE), RATE_LIMITED);
        }
        boolean post = "POST".equals(method);
        Matcher old = OLD_API_PATH.matcher(path);
        boolean newApi = post && SandboxServer.NEW_API_PATH.equals(path);
        Matcher hot = HOT_PATH.matcher(path);
        boolean floor = post && ListAnswers.FLOOR_PATH.equals(path);
        if (newApi || (post && (old.matches() || hot.matches())) || floor) {
            if (requireCookies && !cookies.siteCookies()) {
                return Answer.json(AnswerRenderer.error(-460, "Cheating"), NO_COOKIES);
            }
            if (floor || hot.matches()) {
                return list(body, floor ? null : hot.group(1), trace);
            }
            return weapi(body, newApi ? null : old.group(1), trace);
        }
        ObjectNode notFound = SandboxJson.object();
        notFound.put("code", 404);
        notFound.put("message", "not found: " + method + " " + path);
        return new Answer(404, SandboxJson.CONTENT_TYPE, SandboxJson.bytes(notFound), "not-found", false);
    }

    /** A hot page ({@code hotThread} from the path) or a floor page ({@code hotThread} null). */
    private Answer list(byte[] body, String hotThread, RequestDecoder.Trace trace) {
        try {
            if (hotThread != null) {
                PageQuery page = decoder.decode(body, hotThread, trace);
                return faulted(page.threadId(), "hot:" + page.offset(), 0, () -> lists.hot(page));
            }
            ListAnswers.FloorQuery query = ListAnswers.floorQuery(decoder.decrypt(body, trace));
            return faulted(query.threadId(), query.faultKey(), 0, () -> lists.floor(query));
        } catch (BadRequestException e) {
            return Answer.json(AnswerRenderer.badRequest(e.getMessage()), "bad-request");
        }
    }

    private Answer weapi(byte[] body, String oldApiThread, RequestDecoder.Trace trace) {
        PageQuery page;
        try {
            page = decoder.decode(body, oldApiThread, trace);
        } catch (BadRequestException e) {
            return Answer.json(AnswerRenderer.badRequest(e.getMessage()), "bad-request");
        }
        return faulted(page.threadId(), page.faultKey(), page.pageNo(), () -> renderer.page(page));
    }

    private Answer faulted(String threadId, String faultKey, int pageNo, java.util.function.Supplier<byte[]> render) {
        FaultKind fault = faults.decide(threadId, faultKey, pageNo);
        if (fault == null) {
            return Answer.json(render.get(), "ok");
        }
        switch (fault) {
            case HTTP_503:
                return new Answer(503, "text/html;charset=UTF-8", BODY_503, fault.propertyName(), false);
            case CHEATING:
                return Answer.json(AnswerRenderer.error(-460, "Cheating"), fault.propertyName());
            case TOO_FREQUENT:
                return Answer.json(AnswerRenderer.error(405, TOO_FREQUENT_MESSAGE), fault.propertyName());
            case TRUNCATED_JSON:
                byte[] answer = render.get();
                return Answer.json(Arrays.copyOf(answer, answer.length / 2), fault.propertyName());
            case HANG:
                return new Answer(200, SandboxJson.CONTENT_TYPE, render.get(), fault.propertyName(), true);
            case CAPTCHA:
                return Answer.json(
                        AnswerRenderer.captcha(CommentCorpus.hash(threadId + '/' + faultKey)), fault.propertyName());
            default:
                throw new IllegalStateException("unhandled fault kind " + fault);
        }
    }
}
