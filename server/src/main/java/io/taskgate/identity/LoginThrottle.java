package io.taskgate.identity;

/**
 * Failed logins per account: past a budget, the account's logins are answered 429 before its
 * password is even compared, so guessing one person's password from many addresses is slow too.
 * The rate-limit feature answers it; identity asks through this interface, as that feature
 * depends on this one.
 */
public interface LoginThrottle {

    /**
     * Spends one of the account's attempts before its password is compared, or throws a 429
     * problem (with {@code retryAfterSeconds}) when none is left. Spent up front, so that guesses
     * sent in parallel cannot all pass while the first ones are being compared.
     */
    void attempt(String normalizedEmail);

    /** Gives back the attempt of a login that succeeded: only failures count. */
    void succeeded(String normalizedEmail);
}
