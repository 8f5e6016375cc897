package io.commentharvester.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quartz.CronExpression;

/**
 * How runs go: once or on a schedule, walking everything not yet covered (full) or only what is newer than each
 * thread's watermark (incremental), and whether raw answers are kept. Read and validated before anything starts.
 *
 * @param incremental  walk only what is newer than each thread's watermark
 * @param cron         the schedule as a Quartz cron expression, or null
 * @param periodMs     the schedule as a period in ms, or 0
 * @param keepRaw      keep every answer in {@code <key>:raw}
 * @param keepRawMax   about how many answers {@code <key>:raw} keeps
 */
public record RunSettings(boolean incremental, String cron, long periodMs, boolean keepRaw, int keepRawMax) {

    public static final String MODE = "harvest.mode";
    public static final String SCHEDULE = "harvest.schedule";
    public static final String KEEP_RAW = "harvest.keep-raw";
    public static final String KEEP_RAW_MAX = "harvest.keep-raw-max";

    /** The shortest period a schedule may have. */
    static final long MIN_PERIOD_MS = 1_000;

    private static final Pattern SHORT_PERIOD = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    public static RunSettings from(Function<String, String> lookup) {
        String schedule = SettingValues.text(lookup, SCHEDULE, "");
        String cron = null;
        long periodMs = 0;
        if (!schedule.isEmpty()) {
            periodMs = parsePeriod(schedule);
            if (periodMs == 0) {
                cron = parseCron(schedule);
            }
        }
        String mode = SettingValues.text(lookup, MODE, "").toLowerCase(Locale.ROOT);
        boolean incremental = switch (mode) {
            case "" -> !schedule.isEmpty();
            case "full" -> false;
            case "incremental" -> true;
            default -> throw new InvalidSettingException(MODE, mode, "must be full or incremental");
        };
        boolean keepRaw = SettingValues.bool(lookup, KEEP_RAW, false);
        int keepRawMax = (int) SettingValues.wholeNumber(
                lookup, KEEP_RAW_MAX, 10_000, 1, Integer.MAX_VALUE, "must be between 1 and " + Integer.MAX_VALUE);
        return new RunSettings(incremental, cron, periodMs, keepRaw, keepRawMax);
    }

    public boolean scheduled() {
        return cron != null || periodMs > 0;
    }

    /**
     * The endpoint that starts runs: a one-shot timer; a timer with the period (its first run at once); or a
     * Quartz cron trigger that never fires while the previous run is still going (stateful).
     */
    public String triggerUri() {
        if (cron != null) {
            return "quartz:comment-harvester/harvest?stateful=true&cron="
                    + URLEncoder.encode(cron, StandardCharsets.UTF_8);
        }
        if (periodMs > 0) {
            // synchronous: the timer's thread waits for the run, and the next run starts a period after it ended
            return "timer:harvest?delay=0&synchronous=true&period=" + periodMs;
        }
        return "timer:harvest?repeatCount=1&delay=0";
    }

    /** A description for the log: "once", "every 21600 s", "on cron 0 0 * * * ?". */
    public String describeSchedule() {
        return cron != null ? "on cron '" + cron + "'" : periodMs > 0 ? "every " + Duration.ofMillis(periodMs) : "once";
    }

    /** {@code PT6H}, {@code 6h}, {@code 30m}, {@code 45s}, {@code 2d}, {@code 1500ms}; 0 when it is not a period. */
    static long parsePeriod(String value) {
        String text = value.trim();
        long ms;
        Matcher shortForm = SHORT_PERIOD.matcher(text.toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            ms = switch (shortForm.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
        } else if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                ms = Duration.parse(text.toUpperCase(Locale.ROOT)).toMillis();
            } catch (DateTimeParseException e) {
                throw new InvalidSettingException(SCHEDULE, value, "is not an ISO-8601 period (e.g. PT6H)");
            }
        } else {
            return 0;
        }
        if (ms < MIN_PERIOD_MS) {
            throw new InvalidSettingException(SCHEDULE, value, "a period must be at least 1 s");
        }
        return ms;
    }

    private static String parseCron(String value) {
        String cron = value.trim().replaceAll("\\s+", " ");
        try {
            new CronExpression(cron);
        } catch (ParseException e) {
            throw new InvalidSettingException(
                    SCHEDULE,
                    value,
                    "is neither a period (PT6H, 6h, 30m) nor a Quartz cron "
                            + "expression (seconds first, e.g. 0 0 */6 * * ?): " + e.getMessage());
        }
        return cron;
    }
}
