package io.commentharvester.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders answers: which comments a {@link PageQuery} gets (the slice, with the offset ceiling), and the JSON of
 * both APIs and of the error codes.
 */
final class AnswerRenderer {

    /** Where the site sends a flagged client to solve its captcha. */
    static final String CAPTCHA_PAGE = "https://st.music.163.com/encrypt-pages";

    private final CommentCorpus corpus;
    private final SandboxSettings settings;
    /** The newest this many comments of every thread are not served: lowering it makes threads grow. */
    private volatile int hideNewest;

    AnswerRenderer(CommentCorpus corpus, SandboxSettings settings) {
        this.corpus = corpus;
        this.settings = settings;
        this.hideNewest = settings.hideNewest();
    }

    void setHideNewest(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("sandbox.hide-newest must be >= 0: " + count);
        }
        hideNewest = count;
    }

    int hideNewest() {
        return hideNewest;
    }

    /** The thread in the page's order without its newest {@code hidden} comments (by time). */
    private static List<ObjectNode> visible(ThreadComments thread, List<ObjectNode> ordered, int hidden) {
        if (hidden == 0) {
            return ordered;
        }
        int cut = Math.min(hidden, thread.size());
        if (ordered == thread.byTime) {
            return ordered.subList(cut, ordered.size());
        }
        java.util.Set<ObjectNode> newest = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        newest.addAll(thread.byTime.subList(0, cut));
        return ordered.stream().filter(comment -> !newest.contains(comment)).toList();
    }

    CommentCorpus corpus() {
        return corpus;
    }

    /**
     * The comments of the page, with whether more follow. In cursor mode (a positive {@code cursor} on the new API,
     * {@code beforeTime} on the old one) the page starts at the first comment strictly older than the cursor, any
     * offset is ignored, the ceiling does not apply, and hasMore says whether the thread goes on past the page's
     * last comment (older comments, or ones sharing its millisecond that did not fit: the contract's
     * chained cursor does not reach the latter, and a client that must not lose them asks again from one
     * millisecond later). Past the last page the list is empty and hasMore false. In offset mode the ceiling
     * applies, as {@link SandboxSettings#ceilingMode()} says.
     */
    record Slice(List<ObjectNode> comments, int total, boolean hasMore) {}

    Slice slice(PageQuery page) {
        ThreadComments thread = corpus.thread(page.threadId());
        int hidden = Math.min(hideNewest, thread.size());
        List<ObjectNode> ordered = visible(thread, thread.ordered(page.order()), hidden);
        int total = ordered.size();
        if (page.cursorMode()) {
            int start = Math.max(0, thread.firstOlderThan(page.cursor()) - hidden);
            int end = (int) Math.min((long) start + page.size(), total);
            return new Slice(ordered.subList(start, end), total, end < total);
        }
        // offset paging: only the rows below the ceiling are reachable
        int reachable = settings.offsetCeiling() > 0 ? Math.min(total, settings.offsetCeiling()) : total;
        boolean repeat = settings.ceilingMode() == CeilingMode.REPEAT;
        long offset = page.offset();
        if (offset >= total || (offset >= reachable && !repeat)) {
            return new Slice(List.of(), total, false);
        }
        if (offset >= reachable) {
            // the site as reported: the last reachable page again, and it claims more as if the rows existed
            int start = Math.max(0, reachable - page.size());
            return new Slice(ordered.subList(start, reachable), total, offset + page.size() < total);
        }
        int end = (int) Math.min(offset + page.size(), reachable);
        return new Slice(
                ordered.subList((int) offset, end), total, repeat ? offset + page.size() < total : end < reachable);
    }

    /** The answer of either API for a valid page request. */
    byte[] page(PageQuery page) {
        return SandboxJson.bytes(page.oldApi() ? oldApi(page) : newApi(page));
    }

    private ObjectNode newApi(PageQuery page) {
        Slice slice = slice(page);
        ObjectNode root = SandboxJson.object();
        root.put("code", 200);
        root.putNull("message");
        ObjectNode data = root.putObject("data");
        ArrayNode comments = data.putArray("comments");
        slice.comments().forEach(comments::add);
        data.put("totalCount", slice.total());
        data.put("hasMore", slice.hasMore());
        // the time of the last comment on the page; an empty page repeats the cursor it was asked for
        data.put(
                "cursor",
                slice.comments().isEmpty()
                        ? String.valueOf(page.cursorMode() ? page.cursor() : 0)
                        : String.valueOf(slice.comments()
                                .get(slice.comments().size() - 1)
                                .get("time")
                                .longValue()));
        data.put("sortType", page.sortType());
        if (!page.cursorMode() && page.offset() == 0) {
            // a first page carries the thread's small hot set, as the site's does
            List<ObjectNode> hot = corpus.thread(page.threadId()).byHot;
            ArrayNode hotComments = data.putArray("hotComments");
            hot.subList(0, Math.min(SandboxServer.HOT_COMMENTS, hot.size())).forEach(hotComments::add);
        }
        return root;
    }

    private ObjectNode oldApi(PageQuery page) {
        Slice slice = slice(page);
        ObjectNode root = SandboxJson.object();
        root.put("isMusician", false);
        root.put("userId", -1);
        root.putArray("topComments");
        if (page.offset() == 0) {
            ThreadComments thread = corpus.thread(page.threadId());
            List<ObjectNode> hot = visible(thread, thread.byHot, Math.min(hideNewest, thread.size()));
            ArrayNode hotComments = root.putArray("hotComments");
            hot.subList(0, Math.min(SandboxServer.HOT_COMMENTS, hot.size())).forEach(hotComments::add);
            root.put("moreHot", hot.size() > SandboxServer.HOT_COMMENTS);
        }
        root.put("code", 200);
        ArrayNode comments = root.putArray("comments");
        slice.comments().forEach(comments::add);
        root.put("total", slice.total());
        root.put("more", slice.hasMore());
        return root;
    }

    /** {@code {"code":code,"message":message}} */
    static byte[] error(int code, String message) {
        ObjectNode error = SandboxJson.object();
        error.put("code", code);
        error.put("message", message);
        return SandboxJson.bytes(error);
    }

    /**
     * A -462 "请完成验证操作" answer shaped like the site's (as public reports quote it): {@code data.verifyUrl},
     * {@code data.blockText}, a verify token and the full captcha page {@code url}. The tokens are derived from
     * {@code seed}, so the same request gets the same answer.
     */
    static byte[] captcha(long seed) {
        String sign = hex32(seed);
        String eventId = String.format(
                Locale.ROOT, "%020d", Long.remainderUnsigned(CommentCorpus.mix(seed ^ 7), 100_000_000_000_000_000L));
        String verifyToken = "00.40." + hex32(seed ^ 0x9e3779b97f4a7c15L) + "."
                + Long.remainderUnsigned(CommentCorpus.mix(seed ^ 11), 4_000_000_000L);
        ObjectNode root = SandboxJson.object();
        root.put("code", -462);
        ObjectNode data = root.putObject("data");
        data.putNull("actionCode");
        data.put("verifyType", 40);
        data.put("verifyId", 1007602);
        data.put("verifyUrl", CAPTCHA_PAGE);
        data.put("blockText", "验证成功后，可进行下一步操作哦~");
        data.put("verifyToken", verifyToken);
        data.put("btnText", "");
        data.put("orpheusUrl", "");
        data.putNull("frontRuleIds");
        ObjectNode params = data.putObject("params");
        params.put("event_id", eventId);
        params.put("sign", sign);
        String paramsJson = "{\"sign\":\"" + sign + "\",\"event_id\":\"" + eventId + "\"}";
        data.put(
                "url",
                CAPTCHA_PAGE + "?params=" + URLEncoder.encode(paramsJson, StandardCharsets.UTF_8)
                        + "&verifyType=40&verifyId=1007602&verifyToken=" + verifyToken);
        root.put("message", "请完成验证操作");
        return SandboxJson.bytes(root);
    }

    private static String hex32(long seed) {
        return String.format(Locale.ROOT, "%016x%016x", CommentCorpus.mix(seed), CommentCorpus.mix(~seed));
    }

    /** {@code {"code":400,"message":...,"data":null}}: the request did not decrypt or lacks fields. */
    static byte[] badRequest(String message) {
        ObjectNode error = SandboxJson.object();
        error.put("code", 400);
        error.put("message", message);
        error.putNull("data");
        return SandboxJson.bytes(error);
    }
}
