package io.taskgate.identity;

/**
 * Failed logins per account: past a budget, the account's logins are answered 429 before its
 * password is even compared, so guessing one person's password from many addresses is slow too.
 * The rate-limit feature answers it; identity asks through this interface, as that feature
 * depends on this one.
 */
public interface LoginThrottle {

    /** Throws a 429 problem (with {@code retryAfterSeconds}) when the account has spent its budget. */
    void requireAttemptAllowed(String normalizedEmail);

    /** Spends one of the account's failed attempts. */
    void failed(String normalizedEmail);
}
