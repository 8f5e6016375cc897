package io.commentharvester.weapi;

/** API code -462: the site wants a captcha solved, so this address is flagged. Never retried. */
public class CaptchaRequiredException extends WeapiApiException {

    public static final int CODE = -462;

    private final String verifyUrl;

    public CaptchaRequiredException(String where, String apiMessage, String verifyUrl) {
        super(where, CODE, apiMessage);
        this.verifyUrl = verifyUrl;
    }

    /** Where a person can solve it ({@code data.verifyUrl}), or null when the answer has none. */
    public String verifyUrl() {
        return verifyUrl;
    }
}
