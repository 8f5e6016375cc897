package io.commentharvester.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the sandbox has seen. Thread-safe. {@link #requestCount()} and {@link #inFlight()} change when a request
 * arrives; a request is listed in {@link #requests()} and counted by outcome just before its answer is written.
 * The {@code /__sandbox/stats} endpoint itself is not counted. Only the latest {@value #MAX_RECORDED} requests are
 * kept in {@link #requests()} so that a long-running sandbox does not grow without bound; the counts cover all.
 */
public final class SandboxStats {

    /** How many recorded requests are kept. */
    public static final int MAX_RECORDED = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private int requestCount;
    private int inFlight;
    private int maxInFlight;
    private int rateLimitPenalties;
    private final Map<String, Integer> countsByOutcome = new TreeMap<>();
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();

    public synchronized int requestCount() {
        return requestCount;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    /** How many times the rate limit was passed (each starting or restarting the penalty). */
    public synchronized int rateLimitPenalties() {
        return rateLimitPenalties;
    }

    /** Outcome name to count, sorted by name. */
    public synchronized Map<String, Integer> countsByOutcome() {
        return Map.copyOf(countsByOutcome);
    }

    /** How many requests ended with {@code outcome} (0 when none). */
    public synchronized int count(String outcome) {
        return countsByOutcome.getOrDefault(outcome, 0);
    }

    /** A snapshot, oldest first, in the order the answers were decided. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets all requests and counts; requests still in flight stay counted in {@link #inFlight()}. */
    public synchronized void reset() {
        requestCount = 0;
        maxInFlight = inFlight;
        rateLimitPenalties = 0;
        countsByOutcome.clear();
        requests.clear();
    }

    /** {@code {"requestCount":..,"inFlight":..,"maxInFlight":..,"countsByOutcome":{..}}} */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        synchronized (this) {
            root.put("requestCount", requestCount);
            root.put("inFlight", inFlight);
            root.put("maxInFlight", maxInFlight);
            root.put("rateLimitPenalties", rateLimitPenalties);
            ObjectNode counts = root.putObject("countsByOutcome");
            countsByOutcome.forEach(counts::put);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize stats", e);
        }
    }

    synchronized void entered() {
        requestCount++;
        inFlight++;
        if (inFlight > maxInFlight) {
            maxInFlight = inFlight;
        }
    }

    synchronized void penaltyStarted() {
        rateLimitPenalties++;
    }

    synchronized void left() {
        inFlight--;
    }

    synchronized void record(RecordedRequest request) {
        if (requests.size() == MAX_RECORDED) {
            requests.removeFirst();
        }
        requests.addLast(request);
        countsByOutcome.merge(request.outcome(), 1, Integer::sum);
    }
}
