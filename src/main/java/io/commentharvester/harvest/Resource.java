package io.commentharvester.harvest;

/**
 * One resource whose comment thread is harvested, e.g. {@code song:1359645265} or {@code video:89ADDE33...}.
 *
 * @param type the kind of resource
 * @param id   its id as the site shows it (digits, or hexadecimal for videos)
 */
public record Resource(ResourceType type, String id) {

    /** The weapi thread id: the type's prefix and the id, e.g. {@code R_SO_4_1359645265}. */
    public String threadId() {
        return type.threadPrefix() + id;
    }

    /**
     * The Redis hash of the resource's comments: {@code <prefix><id>} for songs (the layout of earlier
     * versions), {@code <prefix><type>:<id>} for every other type.
     */
    public String commentsKey(String keyPrefix) {
        return type == ResourceType.SONG ? keyPrefix + id : keyPrefix + type.label() + ":" + id;
    }

    @Override
    public String toString() {
        return type.label() + ":" + id;
    }
}
