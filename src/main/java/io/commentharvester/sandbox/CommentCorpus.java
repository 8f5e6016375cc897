package io.commentharvester.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox's comments: for every thread id a deterministic list, generated from a seed derived from the id
 * alone, so tests (and a second sandbox) can compute exactly what a thread holds.
 * <p>
 * Within a thread commentIds are unique. In {@link CommentOrder#TIME} order (newest first) times never increase and
 * commentIds strictly decrease: with {@code sameTimeShare} 0 every time is distinct; otherwise about that share of
 * the comments were posted in the same millisecond as the next newer one, and comments sharing a millisecond are
 * ordered by commentId descending. Which comments share a millisecond is derived from the thread id alone too, and
 * the share changes only the times: ids, users and contents stay those of share 0. Users
 * come from a small fixed pool (the same userId always has the same nickname), so nicknames repeat a lot.
 * commentIds are drawn from a large range per thread; two different threads are very unlikely, though not
 * guaranteed, to share an id.
 * <p>
 * Numbers are stored as Jackson's parser reads them (int nodes when they fit, long nodes otherwise), so a comment
 * parsed from a sandbox answer is {@code equals} to the corpus node.
 * <p>
 * Thread-safe. Generated threads are kept in a small LRU cache; the nodes it hands to the server are never
 * modified, and {@link #comments(String)} returns copies.
 */
public final class CommentCorpus {

    /** Comment count range used when {@code commentsPerThread} is 0. */
    public static final int MIN_DERIVED_COUNT = 150;

    public static final int MAX_DERIVED_COUNT = 600;

    private static final int CACHED_THREADS = 64;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** 2025-12-31T00:00+08:00: the newest comment of any thread is older than this. */
    /** The most a thread's comments span when 10-hour gaps would make it longer. */
    private static final long DEEP_THREAD_SPAN_MS = 1_500_000_000_000L;

    private static final long NEWEST_LIMIT_MS =
            LocalDate.of(2025, 12, 31).atStartOfDay(CHINA).toInstant().toEpochMilli();

    private static final long DAY_MS = 86_400_000L;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int commentsPerThread;
    private final double sameTimeShare;
    private final double replyShare;
    private final double oddShare;
    /** Comment counts of particular threads, overriding {@link #commentsPerThread}. */
    private final Map<String, Integer> threadSizes = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, ThreadComments> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ThreadComments> eldest) {
            return size() > CACHED_THREADS;
        }
    };

    /** @param commentsPerThread comments in every thread; 0 derives the count from the thread id (150..600) */
    public CommentCorpus(int commentsPerThread) {
        this(commentsPerThread, 0.0);
    }

    /**
     * @param commentsPerThread comments in every thread; 0 derives the count from the thread id (150..600)
     * @param sameTimeShare     share in [0, 1] of comments posted in the same millisecond as the next newer one
     */
    public CommentCorpus(int commentsPerThread, double sameTimeShare) {
        this(commentsPerThread, sameTimeShare, SandboxSettings.DEFAULT_REPLY_SHARE, 0.0);
    }

    /**
     * @param replyShare share in [0, 1] of comments with 1 to 300 replies (see {@link OddShapes#shape})
     * @param oddShare   share in [0, 1] of comments of odd shapes
     */
    public CommentCorpus(int commentsPerThread, double sameTimeShare, double replyShare, double oddShare) {
        if (commentsPerThread < 0) {
            throw new IllegalArgumentException("commentsPerThread must be >= 0: " + commentsPerThread);
        }
        if (!(sameTimeShare >= 0.0 && sameTimeShare <= 1.0)) {
            throw new IllegalArgumentException("sameTimeShare must be in [0, 1]: " + sameTimeShare);
        }
        this.commentsPerThread = commentsPerThread;
        this.sameTimeShare = sameTimeShare;
        this.replyShare = replyShare;
        this.oddShare = oddShare;
    }

    /**
     * Every comment of the thread, newest first: time descending, and within one millisecond commentId descending
     * (times are all distinct only when sameTimeShare is 0); copies.
     */
    public List<ObjectNode> comments(String threadId) {
        return comments(threadId, CommentOrder.TIME);
    }

    /** Every comment of the thread in the given order, as the sandbox serves it; copies. */
    public List<ObjectNode> comments(String threadId, CommentOrder order) {
        List<ObjectNode> source = thread(threadId).ordered(order);
        List<ObjectNode> copies = new ArrayList<>(source.size());
        for (ObjectNode node : source) {
            copies.add(node.deepCopy());
        }
        return copies;
    }

    /** Comments of odd shapes in the thread. */
    public int oddCount(String threadId) {
        return thread(threadId).oddCount;
    }

    /** The commentIds (as text) of the thread's hot list, as the hot endpoint serves it, most liked first. */
    public List<String> hotList(String threadId) {
        List<ObjectNode> hot = thread(threadId).byHot;
        return hot.subList(0, Math.min(ListAnswers.HOT_LIST, hot.size())).stream()
                .map(node -> node.get("commentId").asText())
                .toList();
    }

    /** The replies of a comment, oldest first, as its floor serves them; copies. */
    public List<ObjectNode> replies(String threadId, String parentId) {
        return FloorReplies.of(threadId, thread(threadId).byId(parentId)).stream()
                .map(ObjectNode::deepCopy)
                .toList();
    }

    public int totalCount(String threadId) {
        return thread(threadId).size();
    }

    /** The shared, never modified, generated thread. */
    ThreadComments thread(String threadId) {
        if (threadId == null || threadId.isEmpty()) {
            throw new IllegalArgumentException("threadId is empty");
        }
        synchronized (cache) {
            ThreadComments cached = cache.get(threadId);
            if (cached != null) {
                return cached;
            }
        }
        ThreadComments generated = generate(threadId);
        synchronized (cache) {
            ThreadComments raced = cache.putIfAbsent(threadId, generated);
            return raced != null ? raced : generated;
        }
    }

    /** A stable 64-bit hash of a string (FNV-1a over UTF-8, then a finalizer). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Gives one thread its own comment count (e.g. one deep thread among small ones); call it before the thread is
     * first served.
     */
    public void threadSize(String threadId, int comments) {
        if (comments < 1) {
            throw new IllegalArgumentException("a thread needs at least one comment: " + comments);
        }
        threadSizes.put(threadId, comments);
    }

    private ThreadComments generate(String threadId) {
        SplittableRandom random = new SplittableRandom(hash(threadId));
        int derived = commentsPerThread > 0
                ? commentsPerThread
                : MIN_DERIVED_COUNT + random.nextInt(MAX_DERIVED_COUNT - MIN_DERIVED_COUNT + 1);
        int count = threadSizes.getOrDefault(threadId, derived);

        // walk from the newest comment back in time, then build the comments oldest first so that a reply can
        // quote an older comment
        // which comments share the newer one's millisecond comes from a stream of its own, so that the share
        // changes nothing else
        SplittableRandom sameTime = new SplittableRandom(mix(hash(threadId) ^ 0x2545f4914f6cdd1dL));
        long[] times = new long[count];
        times[0] = NEWEST_LIMIT_MS - 1 - random.nextLong(300 * DAY_MS);
        // up to 10 hours apart; a deep thread (over ~40 000 comments) closer, so that it stays within ~50 years and
        // never reaches times before 1970 (a walk by time cannot go past those)
        long maxGap = Math.min(36_000_000L, DEEP_THREAD_SPAN_MS / count);
        for (int i = 1; i < count; i++) {
            long gap = 1_000 + random.nextLong(maxGap);
            times[i] = sameTime.nextDouble() < sameTimeShare ? times[i - 1] : times[i - 1] - gap;
        }
        long[] ids = new long[count];
        long id = 1_000_000_000L + random.nextLong(7_000_000_000L);
        for (int i = count - 1; i >= 0; i--) {
            ids[i] = id;
            id += 1 + random.nextInt(8);
        }

        ObjectNode[] byTime = new ObjectNode[count];
        for (int i = count - 1; i >= 0; i--) {
            byTime[i] = comment(random, ids[i], times[i], byTime, i);
        }
        int odd = OddShapes.shape(threadId, byTime, replyShare, oddShare);
        return new ThreadComments(List.of(byTime), times, odd);
    }

    private static ObjectNode comment(
            SplittableRandom random, long commentId, long time, ObjectNode[] byTime, int index) {
        int userIndex = (int) (CorpusWords.NICKNAMES.length * Math.pow(random.nextDouble(), 1.6));
        ObjectNode user = CorpusWords.user(Math.min(userIndex, CorpusWords.NICKNAMES.length - 1));

        ObjectNode node = NODES.objectNode();
        node.set("user", user);
        ObjectNode replyTo = null;
        int older = byTime.length - 1 - index;
        if (older > 0 && random.nextInt(100) < 15) {
            replyTo = byTime[index + 1 + random.nextInt(older)];
        }
        if (replyTo != null) {
            ArrayNode beReplied = node.putArray("beReplied");
            ObjectNode target = beReplied.addObject();
            target.set("user", replyTo.get("user").deepCopy());
            putInteger(target, "beRepliedCommentId", replyTo.get("commentId").longValue());
            target.put("content", replyTo.get("content").textValue());
            target.put("status", 0);
            target.putNull("expressionUrl");
            target.set("ipLocation", replyTo.get("ipLocation").deepCopy());
        } else if (random.nextBoolean()) {
            node.putNull("beReplied");
        } else {
            node.putArray("beReplied");
        }
        node.putNull("pendantData");
        node.put("status", 0);
        putInteger(node, "commentId", commentId);
        node.put("content", CorpusWords.content(random));
        node.putNull("richContent");
        node.putNull("contentResource");
        putInteger(node, "time", time);
        node.put("timeStr", DAY.format(Instant.ofEpochMilli(time).atZone(CHINA)));
        node.put("needDisplayTime", true);
        double popularity = random.nextDouble();
        putInteger(node, "likedCount", (long) (Math.pow(popularity, 8) * 80_000));
        node.putNull("expressionUrl");
        node.put("commentLocationType", 0);
        putInteger(
                node,
                "parentCommentId",
                replyTo != null ? replyTo.get("commentId").longValue() : 0L);
        ObjectNode floor = node.putObject("showFloorComment");
        floor.put("replyCount", random.nextInt(100) < 80 ? 0 : random.nextInt(1, 60));
        floor.putNull("comments");
        floor.put("showReplyCount", true);
        node.put("liked", false);
        ObjectNode ip = node.putObject("ipLocation");
        ip.putNull("ip");
        ip.put("location", CorpusWords.LOCATIONS[random.nextInt(CorpusWords.LOCATIONS.length)]);
        putInteger(ip, "userId", user.get("userId").longValue());
        return node;
    }

    /**
     * Stores an integer the way Jackson's parser reads it back (an int node when it fits, else a long node), so
     * that a comment parsed from an answer {@code equals} the corpus node.
     */
    static void putInteger(ObjectNode node, String field, long value) {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            node.put(field, (int) value);
        } else {
            node.put(field, value);
        }
    }
}
