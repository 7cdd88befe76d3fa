package io.taskgate.authorization;

import org.jspecify.annotations.Nullable;

import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.identity.Caller;

/**
 * A caller inside one workspace, with the facts the decision core weighs for it; and, when it
 * entered for one project's sake, that project as it sees it (loaded in the same round trip).
 * {@code accessVersion} is the workspace's access version the facts hold at, when facts may be
 * kept for this request (see {@link Authorization#kept}).
 */
public record WorkspacePrincipal(String workspaceId, Caller caller, PrincipalFacts facts,
        @Nullable LoadedProject loadedProject, @Nullable Long accessVersion) {

    /** A project loaded with the principal: {@code facts} is null when no such project exists. */
    record LoadedProject(String projectId, @Nullable ProjectFacts facts) {
    }

    public WorkspacePrincipal(String workspaceId, Caller caller, PrincipalFacts facts) {
        this(workspaceId, caller, facts, null, null);
    }

    public String roleKey() {
        return facts.workspaceRole().key();
    }

    public String principalType() {
        return caller.type();
    }

    public String id() {
        return caller.id();
    }
}
