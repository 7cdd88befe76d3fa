package io.taskgate.identity;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated principal behind a request: a person with a session, or an API client
 * presenting one of its keys. Both are first-class; features switch over the two cases.
 */
public sealed interface Caller {

    String id();

    String name();

    /** The {@code X-Integration-Name} the request carried, recorded in audit events. */
    @Nullable String integrationName();

    String type();

    record User(String id, String name, String email, @Nullable String integrationName) implements Caller {
        @Override
        public String type() {
            return "user";
        }
    }

    record ApiClient(String id, String name, String workspaceId, String keyId, @Nullable String integrationName)
            implements Caller {
        @Override
        public String type() {
            return "api_client";
        }
    }
}
