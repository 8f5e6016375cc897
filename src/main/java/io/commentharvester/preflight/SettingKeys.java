package io.commentharvester.preflight;

import java.util.Collection;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.commentharvester.config.InvalidSettingException;

/**
 * Catches misspelt settings of this project (e.g. {@code harvest.pagez=50}), which would otherwise be
 * ignored in favour of the default without a word.
 */
public final class SettingKeys {

    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private SettingKeys() {}

    /**
     * Rejects the first key (in sorted order) that starts with one of {@code checkedPrefixes} but is not in
     * {@code knownKeys}. Keys under other prefixes ({@code camel.*}, {@code java.*}, ...) are not looked at.
     *
     * @throws InvalidSettingException naming the unknown key, with the closest known key or, failing that,
     *     the known keys of the same first segment
     */
    public static void checkKnown(Collection<String> keys, Set<String> knownKeys, Set<String> checkedPrefixes) {
        String unknown = new TreeSet<>(keys)
                .stream()
                        .filter(key -> checkedPrefixes.stream().anyMatch(key::startsWith))
                        .filter(key -> !knownKeys.contains(key))
                        .findFirst()
                        .orElse(null);
        if (unknown == null) {
            return;
        }
        String suggestion = new TreeSet<>(knownKeys)
                .stream()
                        .filter(known -> isClose(unknown, known))
                        .min(Comparator.comparingInt(known -> distance(unknown, known)))
                        .orElse(null);
        if (suggestion != null) {
            throw new InvalidSettingException(
                    RouteFiles.oneLine(unknown), "unknown setting (did you mean " + suggestion + "?)");
        }
        int dot = unknown.indexOf('.');
        String segment = dot < 0 ? unknown : unknown.substring(0, dot + 1);
        String sameSegment = new TreeSet<>(knownKeys)
                .stream().filter(known -> known.startsWith(segment)).collect(Collectors.joining(", "));
        throw new InvalidSettingException(
                RouteFiles.oneLine(unknown),
                sameSegment.isEmpty()
                        ? "unknown setting"
                        : "unknown setting; known " + segment + "* settings: " + sameSegment);
    }

    /** All property names of the given sources, defaults included, sorted. */
    public static Set<String> keysOf(Properties... sources) {
        Set<String> keys = new TreeSet<>();
        for (Properties source : sources) {
            keys.addAll(source.stringPropertyNames());
        }
        return keys;
    }

    private static boolean isClose(String unknown, String known) {
        return known.startsWith(unknown)
                || unknown.startsWith(known)
                || distance(unknown, known) <= MAX_SUGGESTION_DISTANCE;
    }

    /** Levenshtein distance: single-character insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
