package io.taskgate.console;

/** A console page was asked for without a valid session: the answer is the login page. */
final class NotSignedIn extends RuntimeException {

    NotSignedIn() {
        super("not signed in", null, false, false);
    }
}
