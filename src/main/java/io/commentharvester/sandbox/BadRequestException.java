package io.commentharvester.sandbox;

/** A request the sandbox answers with weapi code 400: it did not decrypt or lacks a required field. */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
