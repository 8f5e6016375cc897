package io.commentharvester.harvest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The kinds of resource that have a comment thread, with the thread-id prefix the weapi gives each. */
public enum ResourceType {
    SONG("song", "R_SO_4_", "[0-9]{1,19}"),
    MV("mv", "R_MV_5_", "[0-9]{1,19}"),
    PLAYLIST("playlist", "A_PL_0_", "[0-9]{1,19}"),
    ALBUM("album", "R_AL_3_", "[0-9]{1,19}"),
    DJ_PROGRAM("dj-program", "A_DJ_1_", "[0-9]{1,19}"),
    /** Video ids are hexadecimal, e.g. 89ADDE33C0AAE8EC14B99F6750DB954D. */
    VIDEO("video", "R_VI_62_", "[0-9A-Fa-f]{1,64}"),
    EVENT("event", "A_EV_2_", "[0-9]{1,19}");

    private final String label;
    private final String threadPrefix;
    private final Pattern idPattern;

    ResourceType(String label, String threadPrefix, String idPattern) {
        this.label = label;
        this.threadPrefix = threadPrefix;
        this.idPattern = Pattern.compile(idPattern);
    }

    /** The name used in {@code harvest.resources} and in Redis keys: song, album, dj-program, ... */
    public String label() {
        return label;
    }

    public String threadPrefix() {
        return threadPrefix;
    }

    public boolean isValidId(String id) {
        return idPattern.matcher(id).matches() && !id.chars().allMatch(c -> c == '0');
    }

    /** What an id of this type looks like, for error messages. */
    public String idDescription() {
        return this == VIDEO ? "a hexadecimal video id" : "a positive number";
    }

    public static Optional<ResourceType> byLabel(String label) {
        String normalized = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(type -> type.label.equals(normalized))
                .findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(ResourceType::label).collect(Collectors.joining(", "));
    }
}
