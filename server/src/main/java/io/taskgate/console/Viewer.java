package io.taskgate.console;

import io.taskgate.identity.Caller;

/**
 * The person using the console, authenticated by the session cookie. Services get {@link #user()},
 * so every page has exactly the permissions the same person has through the API.
 */
record Viewer(Caller.User user, String sessionToken) {

    String id() {
        return user.id();
    }
}
