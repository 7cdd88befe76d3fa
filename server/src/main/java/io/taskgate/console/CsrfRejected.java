package io.taskgate.console;

/** A state-changing request without the CSRF token of this browser's cookie. */
final class CsrfRejected extends RuntimeException {

    CsrfRejected() {
        super("missing or wrong CSRF token", null, false, false);
    }
}
