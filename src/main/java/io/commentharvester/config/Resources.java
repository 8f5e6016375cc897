package io.commentharvester.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import io.commentharvester.harvest.Resource;
import io.commentharvester.harvest.ResourceType;

/** Reads {@code harvest.resources} ({@code song:1,album:2,video:AB12}) and its shorthand {@code harvest.song-ids}. */
final class Resources {

    static final String RESOURCES = "harvest.resources";
    static final String SONG_IDS = "harvest.song-ids";

    private Resources() {}

    /** The resources of a run: harvest.resources when it names any, otherwise the songs of harvest.song-ids. */
    static List<Resource> parse(String resources, String songIds) {
        if (!resources.isBlank()) {
            return parseList(RESOURCES, resources, null);
        }
        if (songIds.isBlank()) {
            throw new InvalidSettingException(
                    RESOURCES,
                    resources,
                    "names no resource (set harvest.resources=song:<id>,... or harvest.song-ids)");
        }
        return parseList(SONG_IDS, songIds, ResourceType.SONG);
    }

    private static List<Resource> parseList(String key, String value, ResourceType impliedType) {
        LinkedHashSet<Resource> parsed = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String item = part.trim();
            if (!item.isEmpty()) {
                parsed.add(impliedType != null ? song(key, value, item) : typed(key, value, item));
            }
        }
        if (parsed.isEmpty()) {
            throw new InvalidSettingException(key, value, "names no resource");
        }
        return Collections.unmodifiableList(new ArrayList<>(parsed));
    }

    private static Resource song(String key, String value, String id) {
        if (!ResourceType.SONG.isValidId(id)) {
            throw new InvalidSettingException(
                    key, value, "'" + id + "' is not a song id (a positive number such as 1359645265)");
        }
        return new Resource(ResourceType.SONG, id);
    }

    private static Resource typed(String key, String value, String item) {
        int colon = item.indexOf(':');
        if (colon <= 0) {
            throw new InvalidSettingException(
                    key, value, "'" + item + "' is not type:id (types: " + ResourceType.labels() + ")");
        }
        String label = item.substring(0, colon);
        ResourceType type = ResourceType.byLabel(label)
                .orElseThrow(() -> new InvalidSettingException(
                        key, value, "'" + label + "' is not a resource type (" + ResourceType.labels() + ")"));
        String id = item.substring(colon + 1).trim();
        if (!type.isValidId(id)) {
            throw new InvalidSettingException(
                    key, value, "'" + id + "' is not a " + type.label() + " id (" + type.idDescription() + ")");
        }
        return new Resource(type, id);
    }
}
