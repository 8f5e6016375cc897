package io.commentharvester.sandbox;

/**
 * What the sandbox sends back for one request, and how the request is recorded.
 *
 * @param status      HTTP status
 * @param contentType Content-Type header
 * @param body        the body bytes
 * @param outcome     the outcome name in the stats ({@code ok}, {@code bad-request}, a fault name, ...)
 * @param hang        whether the answer waits {@link SandboxSettings#hangMs()} before it is written
 */
record Answer(int status, String contentType, byte[] body, String outcome, boolean hang) {

    static Answer json(byte[] body, String outcome) {
        return new Answer(200, SandboxJson.CONTENT_TYPE, body, outcome, false);
    }
}
