package io.commentharvester.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * Which lists of each thread the harvest walks besides its main list: the hot list and the floors (replies).
 * Read and validated like {@link HarvestSettings}; each problem names its setting.
 *
 * @param includeHot     harvest.include-hot: also the hot list (and a first page's data.hotComments)
 * @param includeReplies harvest.include-replies: also the floor of every stored comment with replies
 * @param hotOrder       harvest.order=hot: only the hot list (its top harvest.pages pages), not the time list
 * @param hotCommentsPath weapi.hot-comments-path: the hot list's path, the thread id appended
 * @param floorPath      weapi.floor-path: the floor endpoint's path
 */
public record ThreadListSettings(
        boolean includeHot, boolean includeReplies, boolean hotOrder, String hotCommentsPath, String floorPath) {

    /** Settings that leave every extra list out (unit tests, the defaults of application.properties). */
    public static final ThreadListSettings NONE = new ThreadListSettings(
            false, false, false, "/weapi/v1/resource/hotcomments/", "/weapi/resource/comment/floor/get");

    public static ThreadListSettings from(Function<String, String> lookup) {
        boolean includeHot = bool(lookup, "harvest.include-hot");
        boolean includeReplies = bool(lookup, "harvest.include-replies");
        String order = SettingValues.text(lookup, "harvest.order", "time").toLowerCase(Locale.ROOT);
        if (!order.equals("time") && !order.equals("hot")) {
            throw new InvalidSettingException("harvest.order", order, "must be time or hot");
        }
        return new ThreadListSettings(
                includeHot,
                includeReplies,
                order.equals("hot"),
                path(lookup, "weapi.hot-comments-path", NONE.hotCommentsPath),
                path(lookup, "weapi.floor-path", NONE.floorPath));
    }

    /** The hot list is walked: asked for, or the order. */
    public boolean walksHot() {
        return includeHot || hotOrder;
    }

    private static boolean bool(Function<String, String> lookup, String key) {
        return SettingValues.bool(lookup, key, false);
    }

    private static String path(Function<String, String> lookup, String key, String fallback) {
        String path = SettingValues.text(lookup, key, fallback);
        if (!path.startsWith("/")) {
            throw new InvalidSettingException(key, path, "must start with /");
        }
        return path;
    }
}
