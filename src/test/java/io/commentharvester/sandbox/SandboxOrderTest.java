package io.commentharvester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The order fields of the new API: as the contract reports the site by default, as before with a setting. */
class SandboxOrderTest {

    private static final String THREAD = "R_SO_4_31415";

    private static SandboxServer site;
    private static SandboxServer effective;

    @BeforeAll
    static void start() throws Exception {
        site = SandboxServer.start(SandboxSettings.defaults().withCommentsPerThread(200));
        effective = SandboxServer.start(
                SandboxSettings.defaults().withCommentsPerThread(200).withOrderTypeEffective(true));
    }

    @AfterAll
    static void stop() {
        site.close();
        effective.close();
    }

    private static JsonNode data(SandboxServer server, ObjectNode request) {
        return new SandboxClient(server).newApi(request).json().get("data");
    }

    private static ObjectNode request(int pageNo, String field, Object value) {
        ObjectNode request = SandboxClient.newApiRequest(THREAD, pageNo, 20, 1);
        request.remove("orderType");
        request.put(field, String.valueOf(value));
        return request;
    }

    private static List<ObjectNode> corpus(CommentOrder order) {
        return site.corpus().comments(THREAD, order);
    }

    @Test
    void orderTypeOneTwoAndThreeReturnIdenticalListsInTimeOrderByDefault() {
        for (int pageNo = 1; pageNo <= 3; pageNo++) {
            JsonNode one = data(site, request(pageNo, "orderType", 1));
            JsonNode two = data(site, request(pageNo, "orderType", 2));
            JsonNode three = data(site, request(pageNo, "orderType", 3));

            assertThat(one).isEqualTo(two).isEqualTo(three);
            assertThat(one.get("comments"))
                    .containsExactlyElementsOf(corpus(CommentOrder.TIME).subList((pageNo - 1) * 20, pageNo * 20));
            assertThat(one.get("sortType").intValue()).isEqualTo(3);
        }
        ObjectNode none = request(1, "pageNo", 1);
        assertThat(data(site, none)).isEqualTo(data(site, request(1, "orderType", 2)));
    }

    @ParameterizedTest
    @CsvSource({"99,RECOMMENDED", "1,RECOMMENDED", "2,HOT", "3,TIME"})
    void sortTypeStillSelectsTheOrderWithoutACursor(int sortType, CommentOrder order) {
        ObjectNode request = request(2, "sortType", sortType);
        request.put("orderType", "3");

        JsonNode data = data(site, request);

        assertThat(data.get("comments")).containsExactlyElementsOf(corpus(order).subList(20, 40));
        assertThat(data.get("sortType").intValue()).isEqualTo(sortType);
    }

    @ParameterizedTest
    @CsvSource({"orderType,1", "orderType,2", "sortType,99", "sortType,2", "sortType,3"})
    void aPositiveCursorAlwaysMeansTimeOrderFromThatCursor(String field, int value) {
        List<ObjectNode> byTime = corpus(CommentOrder.TIME);
        ObjectNode request = request(4, field, value);
        request.put("offset", "60");
        request.put("cursor", String.valueOf(byTime.get(29).get("time").longValue()));

        JsonNode data = data(site, request);

        assertThat(data.get("comments"))
                .as("pageNo and offset ignored")
                .containsExactlyElementsOf(byTime.subList(30, 50));
        assertThat(data.get("sortType").intValue()).isEqualTo(3);
    }

    @Test
    void aHotRequestWithANowCursorGetsTheNewestPageWhateverItsOffset() {
        // the harvester's request for hot pages (cursor = now, offset = (pageNo - 1) * pageSize): the site as
        // reported answers the newest comments on every page
        JsonNode first = null;
        for (int pageNo = 1; pageNo <= 3; pageNo++) {
            ObjectNode request = request(pageNo, "orderType", 2);
            request.put("cursor", String.valueOf(System.currentTimeMillis()));
            JsonNode data = data(site, request);
            assertThat(data.get("comments"))
                    .containsExactlyElementsOf(corpus(CommentOrder.TIME).subList(0, 20));
            first = first == null ? data : first;
            assertThat(data).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @CsvSource({"1,RECOMMENDED,99", "2,HOT,2", "3,TIME,3"})
    void withOrderTypeEffectiveTheOrderTypeSelectsTheOrderAsBefore(int orderType, CommentOrder order, int sortType) {
        JsonNode data = data(effective, request(3, "orderType", orderType));

        assertThat(data.get("comments")).containsExactlyElementsOf(corpus(order).subList(40, 60));
        assertThat(data.get("sortType").intValue()).isEqualTo(sortType);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void withOrderTypeEffectiveACursorCountsOnlyInTimeOrder(int orderType) {
        List<ObjectNode> byTime = corpus(CommentOrder.TIME);
        long cursor = byTime.get(9).get("time").longValue();
        ObjectNode other = request(2, "orderType", orderType);
        other.put("cursor", String.valueOf(cursor));
        ObjectNode time = request(2, "orderType", 3);
        time.put("cursor", String.valueOf(cursor));

        assertThat(data(effective, other).get("comments"))
                .containsExactlyElementsOf(corpus(orderType == 1 ? CommentOrder.RECOMMENDED : CommentOrder.HOT)
                        .subList(20, 40));
        assertThat(data(effective, time).get("comments")).containsExactlyElementsOf(byTime.subList(10, 30));
    }

    @Test
    void theOldApiIsInTimeOrderEitherWay() {
        ObjectNode request = SandboxClient.object();
        request.put("offset", 20);
        request.put("limit", 20);
        request.put("orderType", 2);

        for (SandboxServer server : List.of(site, effective)) {
            assertThat(new SandboxClient(server).oldApi(THREAD, request).json().get("comments"))
                    .containsExactlyElementsOf(corpus(CommentOrder.TIME).subList(20, 40));
        }
    }
}
