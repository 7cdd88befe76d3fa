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

    /**
     * The access version of one workspace read while authenticating, in the same statement as
     * the credential: facts kept at that version may serve this request in that workspace.
     */
    record AccessVersion(String workspaceId, long version) {
    }

    /** The access version read for the workspace while authenticating, if it was read. */
    @Nullable AccessVersion accessVersion();

    default @Nullable Long accessVersionIn(String workspaceId) {
        AccessVersion read = accessVersion();
        return read != null && read.workspaceId().equals(workspaceId) ? read.version() : null;
    }

    /** {@code accessVersion} is read for the workspace the request path names, when it names one. */
    record User(String id, String name, String email, @Nullable String integrationName,
            @Nullable AccessVersion accessVersion) implements Caller {
        @Override
        public String type() {
            return "user";
        }
    }

    /** {@code accessVersion} is that of the client's own workspace, read with its key. */
    record ApiClient(String id, String name, String workspaceId, String keyId, @Nullable String integrationName,
            AccessVersion accessVersion) implements Caller {
        @Override
        public String type() {
            return "api_client";
        }
    }
}
