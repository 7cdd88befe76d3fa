package io.taskgate.authorization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.CredentialState;
import io.taskgate.access.Decision;
import io.taskgate.access.DenialReason;
import io.taskgate.access.PositionsResource;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectReadScope;
import io.taskgate.access.ProjectResource;
import io.taskgate.access.Remedy;
import io.taskgate.access.Resource;
import io.taskgate.access.TaskResource;
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
    private final ProjectFactsQuery projects;
    private final AccessFactsCache cache;

    Authorization(PrincipalFactsQuery facts, ProjectFactsQuery projects, AccessFactsCache cache) {
        this.facts = facts;
        this.projects = projects;
        this.cache = cache;
    }

    /**
     * The caller as a principal of the workspace. A workspace the caller does not belong to —
     * or where its membership was deactivated — answers 404, revealing nothing.
     */
    public WorkspacePrincipal enter(Caller caller, String workspaceId) {
        return enter(caller, workspaceId, null);
    }

    /**
     * As {@link #enter(Caller, String)}, loading the project {@code projectId} as the caller sees
     * it in the same round trip, for a request about that project (creating a task in it, say).
     * {@link #project} and the {@code requireProject} methods then answer from what was loaded.
     */
    public WorkspacePrincipal enter(Caller caller, String workspaceId, @Nullable String projectId) {
        if (caller instanceof Caller.ApiClient client && !client.workspaceId().equals(workspaceId)) {
            throw workspaceNotFound(workspaceId);
        }
        Long version = cache.usable(workspaceId) ? accessVersion(caller, workspaceId) : null;
        PrincipalFactsQuery.WithProject loaded = version != null
                ? keptOrLoaded(caller, workspaceId, version, projectId)
                : load(caller, workspaceId, projectId).orElseThrow(() -> workspaceNotFound(workspaceId));
        if (!loaded.principal().active() && caller instanceof Caller.User) {
            throw workspaceNotFound(workspaceId);
        }
        return new WorkspacePrincipal(workspaceId, caller, loaded.principal(),
                projectId == null ? null : new WorkspacePrincipal.LoadedProject(projectId, loaded.project()), version);
    }

    /** The workspace's access version read with the credential, or now; 404 for a workspace that does not exist. */
    private long accessVersion(Caller caller, String workspaceId) {
        Long read = caller.accessVersionIn(workspaceId);
        return read != null ? read : cache.version(workspaceId).orElseThrow(() -> workspaceNotFound(workspaceId));
    }

    /**
     * Something derived from the principal's access facts alone — the projects it reads, say —
     * kept as long as those facts are ({@code what} names it, with whatever it depends on
     * besides); computed afresh when facts cannot be kept for this request.
     */
    public <T> T kept(WorkspacePrincipal principal, String what, Supplier<T> compute) {
        if (principal.accessVersion() == null || !cache.usable(principal.workspaceId())) {
            return compute.get();
        }
        var key = new AccessFactsCache.DerivedKey(
                new AccessFactsCache.PrincipalKey(principal.workspaceId(), principal.principalType(), principal.id()),
                what);
        return cache.derived(key, principal.accessVersion(), compute);
    }

    /** The facts kept in this process while the workspace's access version has not moved; else loaded and kept. */
    private PrincipalFactsQuery.WithProject keptOrLoaded(Caller caller, String workspaceId, long version,
            @Nullable String projectId) {
        var key = new AccessFactsCache.PrincipalKey(workspaceId, caller.type(), caller.id());
        PrincipalFacts principal = cache.principal(key, version,
                () -> load(caller, workspaceId, null).map(PrincipalFactsQuery.WithProject::principal));
        if (principal != null && projectId == null) {
            return new PrincipalFactsQuery.WithProject(principal, null);
        }
        var projectKey = projectId == null ? null : new AccessFactsCache.ProjectKey(key, projectId);
        if (principal != null && projectKey != null) {
            ProjectFacts project = cache.project(projectKey, version,
                    () -> projects.load(workspaceId, caller.type(), caller.id(), projectKey.projectId()));
            if (project != null) {
                return new PrincipalFactsQuery.WithProject(principal, project);
            }
        }
        PrincipalFactsQuery.WithProject loaded = load(caller, workspaceId, projectId)
                .orElseThrow(() -> workspaceNotFound(workspaceId));
        cache.keep(key, version, loaded.principal());
        if (projectKey != null) {
            cache.keep(projectKey, version, loaded.project());
        }
        return loaded;
    }

    /** The caller's facts in the workspace as stored, with the project when one is named; empty for a stranger. */
    private Optional<PrincipalFactsQuery.WithProject> load(Caller caller, String workspaceId,
            @Nullable String projectId) {
        return switch (caller) {
            case Caller.User user -> facts.user(workspaceId, user.id(), projectId);
            case Caller.ApiClient client -> facts.apiClient(workspaceId, client.id(), CredentialState.ACTIVE,
                    projectId);
        };
    }

    /**
     * Another principal's facts, for explaining decisions about it ({@code authz/check}); a
     * deactivated principal is loaded too, so the explanation can say so.
     */
    public Optional<PrincipalFacts> principal(String workspaceId, String principalType, String principalId,
            CredentialState credential) {
        return switch (principalType) {
            case "user" -> facts.user(workspaceId, principalId);
            case "api_client" -> facts.apiClient(workspaceId, principalId, credential);
            default -> Optional.empty();
        };
    }

    /** The project as this principal sees it, or empty when it does not exist in the workspace. */
    public Optional<ProjectFacts> project(WorkspacePrincipal principal, String projectId) {
        WorkspacePrincipal.LoadedProject loaded = principal.loadedProject();
        if (loaded != null && loaded.projectId().equals(projectId)) {
            return Optional.ofNullable(loaded.facts());
        }
        return projects.load(principal.workspaceId(), principal.principalType(), principal.id(), projectId);
    }

    public Optional<ProjectFacts> project(String workspaceId, PrincipalFacts principal, String projectId) {
        return projects.load(workspaceId, principal.type().key(), principal.id(), projectId);
    }

    /** A page of projects as this principal sees them, keyed by id. */
    public Map<String, ProjectFacts> projects(WorkspacePrincipal principal, List<String> projectIds) {
        return projects.load(principal.workspaceId(), principal.principalType(), principal.id(), projectIds);
    }

    /**
     * The project, when the principal may perform {@code action} on it; 404 when it does not
     * exist or is invisible to the principal, 403 explained when visible but not allowed.
     */
    public ProjectFacts requireProject(WorkspacePrincipal principal, String projectId, Action action) {
        ProjectFacts project = project(principal, projectId)
                .orElseThrow(() -> projectNotFound(principal, null, projectId));
        require(principal, action, new ProjectResource(project));
        return project;
    }

    /**
     * As {@link #requireProject}, for a read that serves {@code action} (the candidates a member
     * picker offers, say): a {@code read} API client may read what its roles would let it change,
     * as {@link #requireToRead} allows for workspace permissions.
     */
    public ProjectFacts requireProjectToRead(WorkspacePrincipal principal, String projectId, Action action) {
        ProjectFacts project = project(principal, projectId)
                .orElseThrow(() -> projectNotFound(principal, null, projectId));
        ProjectResource resource = new ProjectResource(project);
        Decision decision = decide(principal, action, resource);
        if (decision.explanation().denialReason() == DenialReason.READ_ONLY_ACCESS
                && principal.facts() instanceof ApiClientFacts client) {
            // Judged as the same client able to write: read and read_write reach the same projects,
            // so this asks only whether its roles allow the action, and a refusal names the role
            // lacking, not an access level that would not be enough.
            decision = AccessPolicy.decide(client.withAccessLevel(AccessLevel.READ_WRITE), action, resource);
        }
        enforce(principal, resource, decision);
        return project;
    }

    /**
     * The project named in a request body ({@code field}), when the principal may read it;
     * otherwise the 404 naming that field.
     */
    public ProjectFacts requireReferencedProject(WorkspacePrincipal principal, String field, String projectId) {
        ProjectFacts project = project(principal, projectId)
                .orElseThrow(() -> projectNotFound(principal, field, projectId));
        if (!decide(principal, Action.PROJECT_READ, new ProjectResource(project)).allowed()) {
            throw projectNotFound(principal, field, projectId);
        }
        return project;
    }

    /**
     * 404 for a project that does not exist or is out of reach. An API client whose access level
     * limits its reach also learns how reach is gained — a hint that holds whether or not the
     * project exists, so it reveals nothing.
     */
    private static ApiProblem projectNotFound(WorkspacePrincipal principal, @Nullable String field, String projectId) {
        ApiProblem problem = field == null ? ApiProblem.notFound("Project " + projectId)
                : ApiProblem.referenceNotFound(field, projectId);
        if (principal.facts() instanceof ApiClientFacts client && client.accessLevel() != AccessLevel.GLOBAL) {
            problem = problem.with("hint", "api client " + client.displayName() + " has access level "
                    + client.accessLevel().key() + ": it reaches only projects it is a member of, directly or"
                    + " through a team. If this project exists, a manager of it can add the client as a member,"
                    + " or a holder of api_clients.manage can set its access level to global.");
        }
        return problem;
    }

    public ProjectReadScope projectReadScope(WorkspacePrincipal principal) {
        return AccessPolicy.projectReadScope(principal.facts());
    }

    public Decision decide(WorkspacePrincipal principal, Action action, Resource resource) {
        return AccessPolicy.decide(principal.facts(), action, resource);
    }

    /** What the core decides for another principal than the caller (a task's assignee, say). */
    public Decision decideFor(PrincipalFacts other, Action action, Resource resource) {
        return AccessPolicy.decide(other, action, resource);
    }

    /**
     * No escalation: a principal may grant (or take away) only permissions it holds itself. One
     * permission lacking is refused as any denial; several at once, with all of them named and one
     * remedy that makes every change together, so that following it leads to success rather than
     * to the next refusal.
     */
    public void requireHoldsAll(WorkspacePrincipal principal, Collection<WorkspacePermission> permissions) {
        needs(principal).permissions(permissions).requireAll(principal.facts().describe()
                + " may not grant what it does not hold: granting takes holding every permission granted");
    }

    /** The projects the principal is a member of, directly or through one of its teams, in id order. */
    public List<String> memberProjectIds(String workspaceId, String principalType, String principalId) {
        return projects.memberProjectIds(workspaceId, principalType, principalId);
    }

    /** Several things one request needs, to be judged together ({@link Needs#requireAll}). */
    public Needs needs(WorkspacePrincipal principal) {
        return new Needs(this, principal);
    }

    public void require(WorkspacePrincipal principal, WorkspacePermission permission) {
        require(principal, Action.of(permission), WorkspaceResource.INSTANCE);
    }

    /**
     * A workspace permission used only to read — listing API clients with {@code
     * api_clients.manage}, say. A {@code read} API client may use the permissions its roles give
     * it for reading (PRODUCT.md, Principals), so the one denial that does not hold here is its
     * access level's, and only when the permission is held: that does not lean on the order in
     * which the core weighs the two.
     */
    public void requireToRead(WorkspacePrincipal principal, WorkspacePermission permission) {
        Decision decision = decide(principal, Action.of(permission), WorkspaceResource.INSTANCE);
        boolean deniedOnlyForWriting = decision.explanation().denialReason() == DenialReason.READ_ONLY_ACCESS
                && principal.facts().holds(permission);
        if (!deniedOnlyForWriting) {
            enforce(principal, WorkspaceResource.INSTANCE, decision);
        }
    }

    /** Passes when allowed; otherwise 404 if the resource is invisible to the principal, else 403 explained. */
    public void require(WorkspacePrincipal principal, Action action, Resource resource) {
        enforce(principal, resource, decide(principal, action, resource));
    }

    private void enforce(WorkspacePrincipal principal, Resource resource, Decision decision) {
        if (!decision.allowed()) {
            throw refusal(principal, resource, decision);
        }
    }

    /** The answer to a denial: 404 if the resource is invisible to the principal, else 403 explained. */
    public ApiProblem refusal(WorkspacePrincipal principal, Resource resource, Decision decision) {
        return decision.visible() ? forbidden(decision) : notFound(principal, resource);
    }

    static ApiProblem forbidden(Decision decision) {
        Map<String, Object> properties = new LinkedHashMap<>();
        ExplanationView explanation = ExplanationView.of(decision);
        properties.put("requiredPermission", explanation.requiredPermission());
        if (!explanation.lackingPositionIds().isEmpty()) {
            properties.put("lackingPositionIds", explanation.lackingPositionIds());
        }
        properties.put("remedies", explanation.remedies());
        properties.put("explanation", explanation);
        return ApiProblem.forbidden(decision.explanation().summary(), properties);
    }

    private static ApiProblem workspaceNotFound(String workspaceId) {
        return ApiProblem.notFound("Workspace " + workspaceId);
    }

    /** Names only the id the caller already sent: a 404 must not reveal a private project's name. */
    private static ApiProblem notFound(WorkspacePrincipal principal, Resource resource) {
        return switch (resource) {
            // With the same hint as a project that does not exist: a 404 must not tell the two apart.
            case ProjectResource project -> projectNotFound(principal, null, project.project().projectId());
            case TaskResource task -> ApiProblem.notFound("Task " + task.taskId());
            case PositionsResource positions -> ApiProblem.notFound("Position");
            case WorkspaceResource workspace -> workspaceNotFound(principal.workspaceId());
        };
    }
}
