package io.commentharvester.weapi;

/** The answer was not the JSON the API sends: truncated, empty, or missing its comments. Worth a retry. */
public class MalformedAnswerException extends RuntimeException {

    public MalformedAnswerException(String message) {
        super(message);
    }

    public MalformedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
