package io.commentharvester.sandbox;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code GET /__sandbox/stats}:
 * <pre>
 * {"requestCount":n, "inFlight":n, "maxInFlight":n, "averageInFlight":x, "inFlightWindowMillis":x,
 *  "rateLimitPenalties":n, "requestsWithCookies":n, "requestsWithSiteCookies":n, "countsByOutcome":{name:n,...},
 *  "recentRequests":[{"method", "path", "query", "outcome", "encSecKeyLength", "innerJson",
 *                     "cookies":{"present", "siteCookies", "names":[...]}, "headers":{...}}, ...]}
 * </pre>
 * {@code recentRequests} holds the latest requests, oldest first ({@value #DEFAULT_RECENT} unless the query asks
 * {@code ?recent=n}); {@code innerJson} is the decrypted request text. No cookie value is ever shown: the Cookie
 * header is left out, and a non-empty {@code csrf_token} (the {@code __csrf} cookie's value) becomes
 * {@value #REDACTED} in the query and in the request text, which is otherwise verbatim.
 */
final class StatsJson {

    static final int DEFAULT_RECENT = 100;
    static final String REDACTED = "<redacted>";

    private static final Set<String> SECRET_HEADERS = Set.of("cookie", "authorization");
    private static final Pattern CSRF_IN_JSON =
            Pattern.compile("(\"csrf_token\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)+)(\")");
    private static final Pattern CSRF_IN_QUERY = Pattern.compile("((?:^|&)csrf_token=)([^&]+)");

    private StatsJson() {}

    /** {@code recent=n} of the stats query: how many recorded requests to show (0..MAX_RECORDED). */
    static int recent(String rawQuery) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith("recent=")) {
                    try {
                        return Math.max(
                                0,
                                Math.min(
                                        SandboxStats.MAX_RECORDED,
                                        Integer.parseInt(pair.substring("recent=".length()))));
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
        }
        return DEFAULT_RECENT;
    }

    static String render(SandboxStats stats, int recent) {
        ObjectNode root = SandboxJson.object();
        synchronized (stats) {
            root.put("requestCount", stats.requestCount());
            root.put("inFlight", stats.inFlight());
            root.put("maxInFlight", stats.maxInFlight());
            root.put("averageInFlight", Math.round(stats.averageInFlight() * 1000) / 1000.0);
            root.put("inFlightWindowMillis", Math.round(stats.inFlightWindowMillis() * 1000) / 1000.0);
            root.put("rateLimitPenalties", stats.rateLimitPenalties());
            root.put("requestsWithCookies", stats.requestsWithCookies());
            root.put("requestsWithSiteCookies", stats.requestsWithSiteCookies());
            ObjectNode counts = root.putObject("countsByOutcome");
            stats.countsByOutcome().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            ArrayNode requests = root.putArray("recentRequests");
            stats.recentRequests(recent).forEach(request -> requests.add(request(request)));
        }
        return SandboxJson.text(root);
    }

    private static ObjectNode request(RecordedRequest request) {
        ObjectNode node = SandboxJson.object();
        node.put("method", request.method());
        node.put("path", request.path());
        node.put("query", redactQuery(request.query()));
        node.put("outcome", request.outcome());
        node.put("encSecKeyLength", request.encSecKeyLength());
        node.put("innerJson", redactInnerJson(request.innerJson()));
        ObjectNode cookies = node.putObject("cookies");
        cookies.put("present", request.cookies().present());
        cookies.put("siteCookies", request.cookies().siteCookies());
        ArrayNode names = cookies.putArray("names");
        request.cookies().names().forEach(names::add);
        ObjectNode headers = node.putObject("headers");
        request.headers().entrySet().stream()
                .filter(header -> !SECRET_HEADERS.contains(header.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(header -> headers.put(header.getKey(), header.getValue()));
        return node;
    }

    /** {@code text} with group 2 of every match replaced by {@value #REDACTED}; null stays null. */
    private static String redact(String text, Pattern pattern) {
        if (text == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String closing = matcher.groupCount() >= 3 ? matcher.group(3) : "";
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + REDACTED + closing));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The query with a non-empty csrf_token value replaced. */
    static String redactQuery(String query) {
        return redact(query, CSRF_IN_QUERY);
    }

    /** The request text with a non-empty csrf_token string value replaced, otherwise verbatim. */
    static String redactInnerJson(String innerJson) {
        return redact(innerJson, CSRF_IN_JSON);
    }
}
