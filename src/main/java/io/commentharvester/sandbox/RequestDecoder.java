package io.commentharvester.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a request body into a {@link PageQuery}: form parsing, weapi decryption with the sandbox's key, and the
 * page-request validation of both APIs. Anything unusable is a {@link BadRequestException} (weapi code 400):
 * missing thread, page size or page, values that are not integers, an orderType other than 1..3 or a sortType
 * other than 99, 1, 2, 3 (even where they have no effect).
 * <p>
 * The order of the new API, as the contract reports the site: {@code orderType} has no effect and the list is in
 * time order; {@code sortType}, when present, picks the order (99 or 1 recommended, 2 hot, 3 time); a positive
 * {@code cursor} always means time order starting strictly older than it, and then {@code pageNo} and
 * {@code offset} are ignored. With {@link SandboxSettings#orderTypeEffective()} the sandbox of before: orderType
 * 1/2/3 picks recommended/hot/time (sortType wins when present) and a cursor counts only in time order.
 */
final class RequestDecoder {

    /**
     * The thread ids of the contract's prefixes: digits after the prefix, except a video's hexadecimal id (either
     * case, up to 32 digits: {@code R_VI_62_89ADDE33C0AAE8EC14B99F6750DB954D}) and an event's, which the site
     * writes as the event id and the poster's user id ({@code A_EV_2_6559519868_32953014}) or the event id alone.
     */
    private static final Pattern THREAD_ID =
            Pattern.compile("(?:R_SO_4_|R_MV_5_|A_PL_0_|R_AL_3_|A_DJ_1_)[0-9]{1,19}|R_VI_62_[0-9A-Fa-f]{1,32}"
                    + "|A_EV_2_[0-9]{1,19}(?:_[0-9]{1,19})?");

    /** What was learned from a request body, for the record, even when it was not usable. */
    static final class Trace {
        String innerJson;
        int encSecKeyLength;
    }

    private final SandboxKey key;
    private final boolean orderTypeEffective;

    /** @param orderTypeEffective see {@link SandboxSettings#orderTypeEffective()} */
    RequestDecoder(SandboxKey key, boolean orderTypeEffective) {
        this.key = key;
        this.orderTypeEffective = orderTypeEffective;
    }

    /**
     * Decrypts and validates one comment request.
     *
     * @param oldApiThread the thread id from the old API's path; null for the new API
     * @param trace        receives the decrypted text and the encSecKey length as soon as they are known
     */
    PageQuery decode(byte[] body, String oldApiThread, Trace trace) throws BadRequestException {
        JsonNode request = decrypt(body, trace);
        return oldApiThread == null ? newApi(request) : oldApi(oldApiThread, request);
    }

    /** The decrypted request object of any weapi call. */
    JsonNode decrypt(byte[] body, Trace trace) throws BadRequestException {
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        String encSecKey = form.get("encSecKey");
        trace.encSecKeyLength = encSecKey == null ? 0 : encSecKey.length();
        String text = key.decrypt(form.get("params"), encSecKey);
        trace.innerJson = text;
        JsonNode request;
        try {
            request = SandboxJson.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the request text is not JSON");
        }
        if (request == null || !request.isObject()) {
            throw new BadRequestException("the request text is not a JSON object");
        }
        return request;
    }

    private PageQuery newApi(JsonNode request) throws BadRequestException {
        String threadId = text(request, "threadId");
        if (threadId == null) {
            threadId = text(request, "rid");
        }
        if (threadId == null) {
            throw new BadRequestException("threadId is missing");
        }
        checkThreadId(threadId);

        Long pageSize = number(request, "pageSize");
        if (pageSize == null) {
            throw new BadRequestException("pageSize is missing");
        }
        if (pageSize < 1) {
            throw new BadRequestException("pageSize must be positive");
        }
        int size = (int) Math.min(pageSize, SandboxServer.NEW_API_MAX_PAGE_SIZE);

        Long offset = number(request, "offset");
        Long pageNo = number(request, "pageNo");
        if (offset == null) {
            if (pageNo == null) {
                throw new BadRequestException("pageNo or offset is missing");
            }
            if (pageNo < 1 || pageNo > Integer.MAX_VALUE) {
                throw new BadRequestException("pageNo must be >= 1");
            }
            offset = (pageNo - 1) * size;
        }
        if (offset < 0) {
            throw new BadRequestException("offset must be >= 0");
        }
        int number = pageNo != null && pageNo >= 1 && pageNo <= Integer.MAX_VALUE
                ? pageNo.intValue()
                : offset % size == 0 && offset / size < Integer.MAX_VALUE ? (int) (offset / size + 1) : 0;

        Long sortType = number(request, "sortType");
        Long orderType = number(request, "orderType");
        CommentOrder orderTypeOrder = orderType == null ? CommentOrder.RECOMMENDED : orderTypeOrder(orderType);
        Long cursor = number(request, "cursor");
        boolean positiveCursor = cursor != null && cursor > 0;
        if (orderTypeEffective) {
            // the sandbox of before: orderType (or sortType) picks the order, a cursor counts in time order only
            CommentOrder order = sortType != null ? sortTypeOrder(sortType) : orderTypeOrder;
            int reported = sortType != null ? sortType.intValue() : sortTypeOf(order);
            boolean cursorMode = order == CommentOrder.TIME && positiveCursor;
            return new PageQuery(
                    threadId, false, order, reported, cursorMode, cursorMode ? cursor : 0, offset, size, number);
        }
        // the site as reported: orderType has no effect; sortType picks the order, a positive cursor means time
        // order from that cursor
        if (positiveCursor) {
            if (sortType != null) {
                sortTypeOrder(sortType);
            }
            return new PageQuery(threadId, false, CommentOrder.TIME, 3, true, cursor, offset, size, number);
        }
        CommentOrder order = sortType != null ? sortTypeOrder(sortType) : CommentOrder.TIME;
        int reported = sortType != null ? sortType.intValue() : 3;
        return new PageQuery(threadId, false, order, reported, false, 0, offset, size, number);
    }

    private static int sortTypeOf(CommentOrder order) {
        switch (order) {
            case RECOMMENDED:
                return 99;
            case HOT:
                return 2;
            default:
                return 3;
        }
    }

    private static CommentOrder sortTypeOrder(long sortType) throws BadRequestException {
        if (sortType == 99 || sortType == 1) {
            return CommentOrder.RECOMMENDED;
        } else if (sortType == 2) {
            return CommentOrder.HOT;
        } else if (sortType == 3) {
            return CommentOrder.TIME;
        }
        throw new BadRequestException("unknown sortType " + sortType);
    }

    private static CommentOrder orderTypeOrder(long orderType) throws BadRequestException {
        if (orderType == 1) {
            return CommentOrder.RECOMMENDED;
        } else if (orderType == 2) {
            return CommentOrder.HOT;
        } else if (orderType == 3) {
            return CommentOrder.TIME;
        }
        throw new BadRequestException("unknown orderType " + orderType);
    }

    private PageQuery oldApi(String pathThreadId, JsonNode request) throws BadRequestException {
        checkThreadId(pathThreadId);
        Long offset = number(request, "offset");
        long rows = offset == null ? 0 : offset;
        if (rows < 0) {
            throw new BadRequestException("offset must be >= 0");
        }
        Long limit;
        try {
            limit = number(request, "limit");
        } catch (BadRequestException e) {
            limit = null;
        }
        int size = limit == null || limit < 1
                ? SandboxServer.OLD_API_DEFAULT_LIMIT
                : (int) Math.min(limit, SandboxServer.OLD_API_MAX_LIMIT);
        Long beforeTime = number(request, "beforeTime");
        boolean cursorMode = beforeTime != null && beforeTime > 0;
        int pageNo = !cursorMode && rows % size == 0 && rows / size < Integer.MAX_VALUE ? (int) (rows / size + 1) : 0;
        return new PageQuery(
                pathThreadId, true, CommentOrder.TIME, 3, cursorMode, cursorMode ? beforeTime : 0, rows, size, pageNo);
    }

    static void checkThreadId(String threadId) throws BadRequestException {
        if (!THREAD_ID.matcher(threadId).matches()) {
            throw new BadRequestException("bad threadId '" + threadId + "': expected one of "
                    + String.join(", ", SandboxServer.THREAD_PREFIXES) + " and the resource id (digits; hex digits "
                    + "for a video)");
        }
    }

    /** A string field (numbers are accepted as their text); null when absent, JSON null or empty. */
    static String text(JsonNode request, String field) throws BadRequestException {
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
    static Long number(JsonNode request, String field) throws BadRequestException {
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

    static Map<String, String> parseForm(String body) throws BadRequestException {
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
}
