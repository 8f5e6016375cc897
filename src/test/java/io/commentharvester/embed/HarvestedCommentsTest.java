package io.commentharvester.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

class HarvestedCommentsTest {

    @Test
    void theKeysAreThoseOfTheSummarysThreads() throws Exception {
        var summary = new ObjectMapper()
                .readTree("{\"threads\":[{\"key\":\"music_comment:1\"},{\"key\":\"music_comment:album:2\"}]}");
        assertThat(HarvestedComments.keys(summary)).containsExactly("music_comment:1", "music_comment:album:2");
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        HarvestedComments bean = new HarvestedComments();
        bean.setBatchSize(20);
        assertThat(bean.getBatchSize()).isEqualTo(20);
        assertThatThrownBy(() -> bean.setBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyKameletPropertyIsTitledDescribedTypedWithDefaultAndExample() throws Exception {
        Map<String, Object> kamelet;
        try (InputStream in = getClass().getResourceAsStream("/kamelets/netease-comments-source.kamelet.yaml")) {
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        assertThat(kamelet).containsEntry("kind", "Kamelet");
        Map<String, Object> definition =
                (Map<String, Object>) ((Map<String, Object>) kamelet.get("spec")).get("definition");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        assertThat(properties).containsKeys("resources", "pages");
        properties.forEach((name, property) ->
                assertThat(property).as(name).containsKeys("title", "description", "type", "default", "example"));
        assertThat((List<String>) definition.get("required")).containsExactly("resources");
    }
}
