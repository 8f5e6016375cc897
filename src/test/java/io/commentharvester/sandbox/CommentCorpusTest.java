package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CommentCorpusTest {

    private static final long JAN_1_2026 = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
            .toInstant()
            .toEpochMilli();

    private final CommentCorpus corpus = new CommentCorpus(0);

    @Test
    void isDeterministicForAThreadId() {
        List<ObjectNode> first = corpus.comments("R_SO_4_1359645265");
        List<ObjectNode> again = new CommentCorpus(0).comments("R_SO_4_1359645265");

        assertThat(again).isEqualTo(first);
        assertThat(corpus.comments("R_SO_4_1359645266")).isNotEqualTo(first);
    }

    @Test
    void derivedCountsStayInRangeAndFixedCountsAreHonoured() {
        Set<Integer> counts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int count = corpus.totalCount("R_SO_4_" + (1000 + i));
            assertThat(count).isBetween(CommentCorpus.MIN_DERIVED_COUNT, CommentCorpus.MAX_DERIVED_COUNT);
            counts.add(count);
        }
        assertThat(counts).hasSizeGreaterThan(5);
        assertThat(new CommentCorpus(37).comments("A_PL_0_5")).hasSize(37);
    }

    @Test
    void timesStrictlyDescendIdsAreUniqueAndFieldsAreComplete() {
        List<ObjectNode> comments = corpus.comments("R_MV_5_777");
        Set<Long> ids = new HashSet<>();
        long previous = Long.MAX_VALUE;
        for (ObjectNode comment : comments) {
            long time = comment.get("time").longValue();
            assertThat(time).isLessThan(previous).isLessThan(JAN_1_2026);
            previous = time;
            assertThat(ids.add(comment.get("commentId").longValue())).isTrue();
            assertThat(comment.get("commentId").longValue()).isBetween(1_000_000_000L, 9_999_999_999L);
            assertThat(comment.get("timeStr").textValue())
                    .isEqualTo(Instant.ofEpochMilli(time)
                            .atZone(ZoneId.of("Asia/Shanghai"))
                            .toLocalDate()
                            .toString());
            assertThat(comment.get("user").get("nickname").textValue()).isNotEmpty();
            assertThat(comment.get("user").has("avatarUrl")).isTrue();
            assertThat(comment.get("user").has("vipType")).isTrue();
            assertThat(comment.get("ipLocation").get("location").textValue()).isNotEmpty();
            assertThat(comment.get("likedCount").isIntegralNumber()).isTrue();
            assertThat(comment.get("status").intValue()).isZero();
            assertThat(comment.get("showFloorComment").get("replyCount").isInt())
                    .isTrue();
        }
    }

    @Test
    void aDeepThreadStaysAfter1970() {
        List<ObjectNode> comments = new CommentCorpus(200_000).comments("R_SO_4_1359645265");
        long oldest = comments.get(comments.size() - 1).get("time").longValue();
        assertThat(oldest).isGreaterThan(JAN_1_2026 - 60 * 365 * 86_400_000L).isPositive();
    }

    @Test
    void nicknamesRepeatAndAUserIdAlwaysHasTheSameNickname() {
        Map<Long, String> nicknameByUser = new HashMap<>();
        int total = 0;
        Set<String> nicknames = new HashSet<>();
        for (String thread : List.of("R_SO_4_1", "R_SO_4_2", "A_DJ_1_3")) {
            for (ObjectNode comment : corpus.comments(thread)) {
                JsonNode user = comment.get("user");
                String previous = nicknameByUser.putIfAbsent(
                        user.get("userId").longValue(), user.get("nickname").textValue());
                assertThat(previous).isIn(null, user.get("nickname").textValue());
                nicknames.add(user.get("nickname").textValue());
                total++;
            }
        }
        assertThat(nicknames.size()).isLessThanOrEqualTo(30);
        assertThat(nicknames.size() * 10).isLessThan(total);
        assertThat(nicknameByUser).hasSameSizeAs(nicknames);
    }

    @Test
    void contentsMixHardCharactersAndSomeAreLong() {
        List<String> contents = new ArrayList<>();
        for (String thread : List.of("R_SO_4_10", "R_SO_4_11", "R_AL_3_12")) {
            corpus.comments(thread).forEach(c -> contents.add(c.get("content").textValue()));
        }
        assertThat(contents).anyMatch(c -> c.codePoints().anyMatch(Character::isSupplementaryCodePoint));
        assertThat(contents)
                .anyMatch(c ->
                        c.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        assertThat(contents).anyMatch(c -> c.contains("\""));
        assertThat(contents).anyMatch(c -> c.contains("\\"));
        assertThat(contents).anyMatch(c -> c.contains("\n"));
        assertThat(contents).anyMatch(c -> c.length() >= 300);
    }

    @Test
    void aboutOneInSevenRepliesQuoteAnOlderComment() {
        List<ObjectNode> comments = corpus.comments("R_VI_62_4242");
        Map<Long, ObjectNode> byId = new HashMap<>();
        comments.forEach(c -> byId.put(c.get("commentId").longValue(), c));
        int replies = 0;
        for (ObjectNode comment : comments) {
            JsonNode beReplied = comment.get("beReplied");
            if (beReplied.isNull() || beReplied.isEmpty()) {
                assertThat(comment.get("parentCommentId").longValue()).isZero();
                continue;
            }
            replies++;
            assertThat(beReplied).hasSize(1);
            JsonNode quoted = beReplied.get(0);
            ObjectNode target = byId.get(quoted.get("beRepliedCommentId").longValue());
            assertThat(target).isNotNull();
            assertThat(target.get("time").longValue())
                    .isLessThan(comment.get("time").longValue());
            assertThat(quoted.get("content")).isEqualTo(target.get("content"));
            assertThat(quoted.get("user")).isEqualTo(target.get("user"));
        }
        assertThat(replies).isBetween(comments.size() / 20, comments.size() / 4);
    }

    @Test
    void theOrdersArePermutationsOfTheThread() {
        String thread = "A_EV_2_99";
        List<ObjectNode> byTime = corpus.comments(thread);
        List<ObjectNode> hot = corpus.comments(thread, CommentOrder.HOT);
        List<ObjectNode> recommended = corpus.comments(thread, CommentOrder.RECOMMENDED);

        assertThat(hot).containsExactlyInAnyOrderElementsOf(byTime);
        assertThat(recommended)
                .containsExactlyInAnyOrderElementsOf(byTime)
                .isNotEqualTo(byTime)
                .isNotEqualTo(hot);
        for (int i = 1; i < hot.size(); i++) {
            long before = hot.get(i - 1).get("likedCount").longValue();
            long after = hot.get(i).get("likedCount").longValue();
            assertThat(before).isGreaterThanOrEqualTo(after);
            if (before == after) {
                assertThat(hot.get(i - 1).get("commentId").longValue())
                        .isGreaterThan(hot.get(i).get("commentId").longValue());
            }
        }
    }

    @Test
    void aSameTimeShareMakesAboutThatShareOfCommentsShareTheNewerOnesMillisecond() {
        CommentCorpus sharing = new CommentCorpus(2_000, 0.3);
        List<ObjectNode> comments = sharing.comments("R_SO_4_77");
        int same = 0;
        for (int i = 1; i < comments.size(); i++) {
            long newer = comments.get(i - 1).get("time").longValue();
            long time = comments.get(i).get("time").longValue();
            assertThat(time).isLessThanOrEqualTo(newer);
            if (time == newer) {
                same++;
                assertThat(comments.get(i).get("commentId").longValue())
                        .as("within a millisecond by commentId descending")
                        .isLessThan(comments.get(i - 1).get("commentId").longValue());
            }
        }
        assertThat(same).isBetween(500, 700);
        assertThat(new CommentCorpus(2_000, 0.3).comments("R_SO_4_77"))
                .as("deterministic")
                .isEqualTo(comments);
        assertThat(sharing.comments("R_SO_4_78")).isNotEqualTo(comments);
    }

    @Test
    void theSameTimeShareChangesOnlyTheTimes() {
        List<ObjectNode> distinct = new CommentCorpus(300).comments("A_PL_0_12");
        List<ObjectNode> sharing = new CommentCorpus(300, 0.5).comments("A_PL_0_12");

        assertThat(new CommentCorpus(300, 0.0).comments("A_PL_0_12")).isEqualTo(distinct);
        assertThat(sharing).isNotEqualTo(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            ObjectNode a = distinct.get(i).deepCopy();
            ObjectNode b = sharing.get(i).deepCopy();
            for (ObjectNode node : List.of(a, b)) {
                node.remove(List.of("time", "timeStr"));
            }
            assertThat(b).isEqualTo(a);
        }
    }

    @Test
    void aShareOfOnePutsTheWholeThreadInOneMillisecond() {
        List<ObjectNode> comments = new CommentCorpus(40, 1.0).comments("R_MV_5_1");

        assertThat(comments)
                .extracting(c -> c.get("time").longValue())
                .containsOnly(comments.get(0).get("time").longValue());
        assertThat(comments)
                .extracting(c -> c.get("commentId").longValue())
                .isSortedAccordingTo((x, y) -> Long.compare(y, x));
    }

    @Test
    void firstOlderThanSkipsEveryCommentOfTheCursorsMillisecond() {
        CommentCorpus sharing = new CommentCorpus(500, 0.4);
        ThreadComments thread = sharing.thread("R_SO_4_5150");
        List<ObjectNode> comments = thread.byTime;

        for (int i = 0; i < comments.size(); i++) {
            long time = comments.get(i).get("time").longValue();
            int first = thread.firstOlderThan(time);
            assertThat(first).isGreaterThan(i);
            assertThat(comments.subList(0, first))
                    .allSatisfy(c -> assertThat(c.get("time").longValue()).isGreaterThanOrEqualTo(time));
            if (first < comments.size()) {
                assertThat(comments.get(first).get("time").longValue()).isLessThan(time);
            }
            assertThat(thread.firstOlderThan(time + 1)).isLessThanOrEqualTo(i);
        }
        assertThat(thread.firstOlderThan(Long.MAX_VALUE)).isZero();
        assertThat(thread.firstOlderThan(Long.MIN_VALUE)).isEqualTo(comments.size());
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new CommentCorpus(10, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sameTimeShare");
    }

    @Test
    void returnsCopies() {
        corpus.comments("R_SO_4_5").get(0).put("content", "changed");

        assertThat(corpus.comments("R_SO_4_5").get(0).get("content").textValue())
                .isNotEqualTo("changed");
    }
}
