package io.taskgate.authorization;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.CredentialState;
import io.taskgate.access.Decision;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.Resource;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceResource;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;

/**
 * The one door to access decisions for every feature: enter a workspace as a caller, then ask
 * whether an action on a resource is allowed. The rules live in {@link AccessPolicy}; this
 * class only loads facts and renders the answer as HTTP semantics.
 */
@Component
public class Authorization {

    private final PrincipalFactsQuery facts;

    Authorization(PrincipalFactsQuery facts) {
        this.facts = facts;
    }

    /**
     * The caller as a principal of the workspace. A workspace the caller does not belong to —
     * or where its membership was deactivated — answers 404, revealing nothing.
     */
    public WorkspacePrincipal enter(Caller caller, String workspaceId) {
        PrincipalFacts loaded = switch (caller) {
            case Caller.User user -> facts.user(workspaceId, user.id(), user.name())
                    .filter(PrincipalFacts::active)
                    .orElseThrow(() -> workspaceNotFound(workspaceId));
            case Caller.ApiClient client -> {
                if (!client.workspaceId().equals(workspaceId)) {
                    throw workspaceNotFound(workspaceId);
                }
                yield facts.apiClient(workspaceId, client.id(), client.name(), CredentialState.ACTIVE)
                        .orElseThrow(() -> workspaceNotFound(workspaceId));
            }
        };
        return new WorkspacePrincipal(workspaceId, caller, loaded);
    }

    public Decision decide(WorkspacePrincipal principal, Action action, Resource resource) {
        return AccessPolicy.decide(principal.facts(), action, resource);
    }

    public void require(WorkspacePrincipal principal, WorkspacePermission permission) {
        require(principal, Action.of(permission), WorkspaceResource.INSTANCE);
    }

    /** Passes when allowed; otherwise 404 if the resource is invisible to the principal, else 403 explained. */
    public void require(WorkspacePrincipal principal, Action action, Resource resource) {
        Decision decision = decide(principal, action, resource);
        if (decision.allowed()) {
            return;
        }
        if (!decision.visible()) {
            throw ApiProblem.notFound(capitalised(resource.describe()));
        }
        throw forbidden(decision);
    }

    static ApiProblem forbidden(Decision decision) {
        Map<String, Object> properties = new LinkedHashMap<>();
        ExplanationView explanation = ExplanationView.of(decision);
        properties.put("requiredPermission", explanation.requiredPermission());
        properties.put("remedies", explanation.remedies());
        properties.put("explanation", explanation);
        return ApiProblem.forbidden(decision.explanation().summary(), properties);
    }

    private static ApiProblem workspaceNotFound(String workspaceId) {
        return ApiProblem.notFound("Workspace " + workspaceId);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
