package io.commentharvester.util;

import java.util.ArrayList;
import java.util.List;

/** Walks an exception's chain of causes: what a failure is, under the wrapping frameworks add. */
public final class Causes {

    private Causes() {}

    /** The exception and its causes, outermost first (a self-referencing cause ends the chain). */
    public static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The first exception of the chain of that type, or null. */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
        return chain(error).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElse(null);
    }

    /** The innermost cause's type and message, on one line. */
    public static String rootMessage(Throwable error) {
        List<Throwable> chain = chain(error);
        Throwable root = chain.get(chain.size() - 1);
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return oneLine(text);
    }

    /** The innermost cause's message alone (its type when it has none), on one line. */
    public static String rootText(Throwable error) {
        List<Throwable> chain = chain(error);
        Throwable root = chain.get(chain.size() - 1);
        return oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    /** YAML errors quote the offending line with a caret below it: fold such text into one line. */
    public static String oneLine(String text) {
        return text.replaceAll("\\s*\\n\\s*\\^?\\s*", " ")
                .replaceAll("\\s{2,}", " ")
                .trim();
    }
}
