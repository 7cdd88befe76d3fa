package io.taskgate.apiclient;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.taskgate.support.Ids;

/**
 * The shape of an API key: {@code tgk_<keyId>_<secret>}. The recognisable prefix lets secret
 * scanners find leaked keys, and the key id inside names the key (and so its client) without
 * any lookup, so a leak can be traced and revoked.
 */
final class ApiKeySecret {

    static final String PREFIX = "tgk_";
    private static final Pattern SHAPE = Pattern.compile("^tgk_(key_[0-9a-z]{26})_[A-Za-z0-9_-]{43}$");

    private ApiKeySecret() {
    }

    static String mint(String keyId) {
        return PREFIX + keyId + "_" + Ids.secret(32);
    }

    static Optional<String> parseKeyId(String token) {
        Matcher matcher = SHAPE.matcher(token);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
