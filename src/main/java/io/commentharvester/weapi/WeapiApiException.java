package io.commentharvester.weapi;

import java.util.Set;

/** The API answered HTTP 200 with a {@code code} other than 200. */
public class WeapiApiException extends RuntimeException {

    /** Codes that clear up with time: rate limits and a busy server. */
    public static final Set<Integer> RETRYABLE_CODES = Set.of(-460, -447, 405, 406, 503);

    private final int code;

    public WeapiApiException(String where, int code, String apiMessage) {
        super(where + ": API code " + code
                + (apiMessage == null || apiMessage.isBlank() ? "" : " (" + apiMessage + ")"));
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean retryable() {
        return RETRYABLE_CODES.contains(code);
    }

    /** Thrown for codes that clear up with time, so an error handler can retry on the type alone. */
    public static class Retryable extends WeapiApiException {
        public Retryable(String where, int code, String apiMessage) {
            super(where, code, apiMessage);
        }
    }

    public static WeapiApiException of(String where, int code, String apiMessage) {
        return RETRYABLE_CODES.contains(code)
                ? new Retryable(where, code, apiMessage)
                : new WeapiApiException(where, code, apiMessage);
    }
}
