package io.commentharvester.config;

import java.util.Locale;

/** How comments are laid out in the per-resource Redis hash. */
public enum StoreLayout {
    /** field = commentId, value = the comment as compact JSON: nothing is lost. */
    COMMENT_ID,
    /** field = nickname, value = content: the original script's layout, which loses repeat commenters. */
    NICKNAME;

    public static StoreLayout parse(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (normalized) {
            case "comment-id", "commentid" -> COMMENT_ID;
            case "nickname" -> NICKNAME;
            default ->
                throw new InvalidSettingException("harvest.store-layout", value, "must be comment-id or nickname");
        };
    }
}
