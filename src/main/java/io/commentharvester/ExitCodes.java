package io.commentharvester;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code of the harvester, in one place: the code uses these constants and --help prints their meanings. */
public final class ExitCodes {

    /** Every thread reached its end (harvest.pages=all) or its requested page count. */
    public static final int OK = 0;
    /** The harvester could not run, or the API host cannot be reached at all, or a fatal error; see the message. */
    public static final int ERROR = 1;
    /** Bad input: a setting, an argument, a route file or a Redis server that does not answer; nothing written. */
    public static final int BAD_INPUT = 2;
    /** A page failed after all its attempts or a walk stopped short of its end; everything else was stored. */
    public static final int INCOMPLETE = 3;
    /** The site asked for a captcha: this address is flagged, and the run stopped at once. */
    public static final int CAPTCHA = 4;
    /** Cancelled by Ctrl-C, as a shell reports it (a SIGTERM'd process exits 143 by the signal itself). */
    public static final int CANCELLED = 130;

    private static final Map<String, String> MEANINGS = new LinkedHashMap<>();

    static {
        MEANINGS.put(String.valueOf(OK), "every thread reached its end, or its requested page count");
        MEANINGS.put(
                String.valueOf(ERROR),
                "the harvester could not run, the API host cannot be reached at all, another harvester holds the resource, or a fatal error (see the message)");
        MEANINGS.put(String.valueOf(BAD_INPUT), "bad input (a setting, an argument, a route file); nothing written");
        MEANINGS.put(
                String.valueOf(INCOMPLETE),
                "a page failed or a walk stopped short of its end; run again to resume (see <key>:failed)");
        MEANINGS.put(
                String.valueOf(CAPTCHA), "the site asked for a captcha: this address is flagged; wait, then resume");
        MEANINGS.put(CANCELLED + " / 143", "stopped by Ctrl-C / SIGTERM; what was stored stays stored");
    }

    private ExitCodes() {}

    /** The "Exit codes" section of --help. */
    public static String help() {
        StringBuilder text = new StringBuilder("Exit codes:\n");
        MEANINGS.forEach((code, meaning) -> text.append(String.format("  %-9s %s%n", code, meaning)));
        return text.toString();
    }
}
