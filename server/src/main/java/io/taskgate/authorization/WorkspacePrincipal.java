package io.taskgate.authorization;

import io.taskgate.access.PrincipalFacts;
import io.taskgate.identity.Caller;

/** A caller inside one workspace, with the facts the decision core weighs for it. */
public record WorkspacePrincipal(String workspaceId, Caller caller, PrincipalFacts facts) {

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
