package io.commentharvester.config;

/** A setting whose value cannot work; the message names the setting and the value and fits on one line. */
public class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    public InvalidSettingException(String key, String value, String problem) {
        super(key + "=" + quote(value) + ": " + problem);
        this.key = key;
    }

    /** A problem that is not about the value's form, e.g. a server that does not answer. */
    public InvalidSettingException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public InvalidSettingException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }

    private static String quote(String value) {
        return value == null ? "(missing)" : "'" + value.replace("\n", "\\n") + "'";
    }
}
