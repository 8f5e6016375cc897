package io.commentharvester.config;

import java.util.Locale;
import java.util.function.Function;

/** How every settings record reads a value: trimmed, blank as absent, switches and whole numbers. */
public final class SettingValues {

    private SettingValues() {}

    /** The value of {@code key}, trimmed; {@code absent} when it is missing or blank. */
    public static String text(Function<String, String> lookup, String key, String absent) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? absent : value.trim();
    }

    /** A switch: {@code true} or {@code false} in any case; {@code absent} when missing or blank. */
    public static boolean bool(Function<String, String> lookup, String key, boolean absent) {
        String value = text(lookup, key, "").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> absent;
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, value, "must be true or false");
        };
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code absent} when missing or blank. Out of range, the error
     * says {@code outOfRange}.
     */
    public static long wholeNumber(
            Function<String, String> lookup, String key, long absent, long min, long max, String outOfRange) {
        String value = text(lookup, key, "");
        if (value.isEmpty()) {
            return absent;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, value, "is not a whole number");
        }
        if (number < min || number > max) {
            throw new InvalidSettingException(key, value, outOfRange);
        }
        return number;
    }
}
