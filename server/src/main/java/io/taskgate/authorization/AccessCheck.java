package io.taskgate.authorization;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.CredentialState;
import io.taskgate.access.Decision;
import io.taskgate.access.DenialReason;
import io.taskgate.access.Detail;
import io.taskgate.access.PositionsResource;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectResource;
import io.taskgate.access.Resource;
import io.taskgate.access.TaskResource;
import io.taskgate.access.UpdateScope;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceResource;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;

/**
 * May this principal perform this action on this resource, and why (not)? Asked by
 * {@code POST …/authz/check} and by the console's access explorer alike. A caller may always ask
 * about itself; asking about anyone else in the workspace takes {@code members.manage}. The
 * answer is the decision core's, with its explanation.
 */
@Component
public class AccessCheck {

    private final Authorization authorization;
    private final PrincipalFactsQuery facts;
    private final ObjectProvider<ResourceFactsLoader> resources;
    private final KnownPositions positions;
    private final Clock clock;

    AccessCheck(Authorization authorization, PrincipalFactsQuery facts,
            ObjectProvider<ResourceFactsLoader> resources, KnownPositions positions, Clock clock) {
        this.authorization = authorization;
        this.facts = facts;
        this.resources = resources;
        this.positions = positions;
        this.clock = clock;
    }

    public record PrincipalRef(@NotBlank(message = "is required") String type, @NotBlank(message = "is required") String id,
            @Nullable String keyId) {
    }

    public record ResourceRef(@NotBlank(message = "is required") String type, @Nullable String id,
            @Nullable List<String> ids) {
    }

    public record CheckRequest(@Nullable @Valid PrincipalRef principal, @NotBlank(message = "is required") String action,
            @NotNull(message = "is required") @Valid ResourceRef resource) {
    }

    public record PrincipalView(String type, String id, String name) {
    }

    /**
     * {@code limitedTo} names the only fields the principal may change when an update is allowed
     * for some fields alone (a collaborator's or a staff assignee's status and blockers); it is
     * null when the answer holds for every field. {@code warnings} name what stops the principal
     * from acting at all though the rules would allow it (an API client without a working key).
     */
    public record CheckAnswer(boolean allowed, boolean visible, PrincipalView principal, String action,
            ResourceRef resource, @Nullable String requiredPermission, ExplanationView explanation,
            List<io.taskgate.access.Remedy> remedies, @Nullable List<String> limitedTo, List<String> warnings) {
    }

    private static final List<String> STATUS_AND_BLOCKERS = List.of("status", "blockers");

    public CheckAnswer check(Caller caller, String workspaceId, CheckRequest request, boolean trace) {
        WorkspacePrincipal asker = authorization.enter(caller, workspaceId);
        Action action = Action.parse(request.action())
                .orElseThrow(() -> ApiProblem.invalid("action", "is not an action of the catalog"));
        PrincipalFacts subject = subject(asker, request.principal());
        Resource resource = resource(asker, subject, request.resource(), action);
        Detail detail = trace ? Detail.TRACE : Detail.STANDARD;
        Decision decision = AccessPolicy.decide(subject, action, resource, detail);
        if (decision.explanation().denialReason() == DenialReason.UNSUPPORTED) {
            // A question that has no answer (task.update of a project) is a malformed request, not a denial.
            throw ApiProblem.invalid("action", action.key() + " does not apply to a resource of type "
                    + request.resource().type());
        }
        List<String> limitedTo = null;
        if (!decision.allowed() && action == Action.TASK_UPDATE && resource instanceof TaskResource task) {
            // Denied any change, a task's assignee may still be allowed its status and blockers: say so.
            Decision narrower = AccessPolicy.decide(subject, action,
                    task.withUpdateScope(UpdateScope.STATUS_AND_BLOCKERS), detail);
            if (narrower.allowed()) {
                decision = narrower;
                limitedTo = STATUS_AND_BLOCKERS;
            }
        }
        ExplanationView explanation = ExplanationView.of(decision);
        return new CheckAnswer(decision.allowed(), decision.visible(),
                new PrincipalView(subject.type().key(), subject.id(), subject.displayName()), action.key(),
                request.resource(), explanation.requiredPermission(), explanation, explanation.remedies(), limitedTo,
                warnings(asker, subject, request.principal()));
    }

    /**
     * Asked about an API client without naming a key, the rules are judged as for a working key;
     * when it has none (each revoked or expired, or none made), say that it can send no request.
     */
    private List<String> warnings(WorkspacePrincipal asker, PrincipalFacts subject, @Nullable PrincipalRef ref) {
        if (ref == null || ref.keyId() != null || !(subject instanceof io.taskgate.access.ApiClientFacts)
                || subject.id().equals(asker.id())
                || facts.hasWorkingKey(asker.workspaceId(), subject.id(), clock.instant())) {
            return List.of();
        }
        return List.of("API client " + subject.displayName() + " has no working key (each is revoked or expired, or"
                + " none was made), so it can send no request: create one with POST /api/v1/workspaces/"
                + asker.workspaceId() + "/api-clients/" + subject.id() + "/keys");
    }

    private PrincipalFacts subject(WorkspacePrincipal asker, @Nullable PrincipalRef ref) {
        if (ref == null || (ref.type().equals(asker.principalType()) && ref.id().equals(asker.id())
                && ref.keyId() == null)) {
            return asker.facts();
        }
        if (!ref.type().equals("user") && !ref.type().equals("api_client")) {
            throw ApiProblem.invalid("principal.type", "must be user or api_client");
        }
        // Asking about someone else reads their access, as reading them would: a person takes
        // members.manage, an API client api_clients.manage (its level, whether it is disabled);
        // a read-only client may use either.
        authorization.requireToRead(asker, ref.type().equals("user") ? WorkspacePermission.MEMBERS_MANAGE
                : WorkspacePermission.API_CLIENTS_MANAGE);
        CredentialState credential = CredentialState.ACTIVE;
        if (ref.keyId() != null) {
            if (!ref.type().equals("api_client")) {
                throw ApiProblem.invalid("principal.keyId", "only an api_client has keys");
            }
            credential = facts.keyState(asker.workspaceId(), ref.id(), ref.keyId(), clock.instant())
                    .orElseThrow(() -> ApiProblem.referenceNotFound("principal.keyId", ref.keyId()));
        }
        return authorization.principal(asker.workspaceId(), ref.type(), ref.id(), credential)
                .orElseThrow(() -> ApiProblem.referenceNotFound("principal.id", ref.id()));
    }

    /**
     * The resource as the checked principal sees it. The asker must see it too: a check never
     * reveals a project or task the asker could not open itself.
     */
    private Resource resource(WorkspacePrincipal asker, PrincipalFacts subject, ResourceRef ref, Action action) {
        return switch (ref.type()) {
            // A private task is created in the workspace, not in a project: "may I create one?" asks it there.
            case "workspace" -> {
                // The workspace of the path is the only one a check can be about: naming another
                // (or none that exists) was once answered as if it were this one.
                if (ref.id() != null && !ref.id().equals(asker.workspaceId())) {
                    throw ApiProblem.referenceNotFound("resource.id", ref.id());
                }
                yield action == Action.TASK_CREATE ? TaskResource.ofPrivate("new", subject.id())
                        : WorkspaceResource.INSTANCE;
            }
            case "project" -> project(asker, subject, required(ref.id(), "resource.id"));
            case "list" -> {
                String id = required(ref.id(), "resource.id");
                ResourceFactsLoader lists = resources.getIfAvailable();
                if (lists == null) {
                    throw ApiProblem.referenceNotFound("resource.id", id);
                }
                String projectId = lists.projectOfList(asker, id);
                // A list is governed by its project's roles; one in a project the asker cannot see does not exist.
                try {
                    yield project(asker, subject, projectId);
                } catch (ApiProblem invisibleProject) {
                    throw ApiProblem.referenceNotFound("resource.id", id);
                }
            }
            case "positions", "position" -> {
                boolean several = ref.ids() != null && !ref.ids().isEmpty();
                List<String> ids = several ? ref.ids() : List.of(required(ref.id(), "resource.ids"));
                Set<String> existing = positions.present(asker.workspaceId(), ids);
                List<String> unknown = ids.stream().filter(id -> !existing.contains(id)).distinct().sorted().toList();
                if (!unknown.isEmpty()) {
                    String field = several ? "resource.ids" : "resource.id";
                    throw ApiProblem.referenceNotFound(field, String.join(", ", unknown))
                            .with("unknownPositionIds", unknown);
                }
                yield new PositionsResource(ids);
            }
            case "task" -> {
                String id = required(ref.id(), "resource.id");
                ResourceFactsLoader tasks = resources.getIfAvailable();
                if (tasks == null) {
                    throw ApiProblem.referenceNotFound("resource.id", id);
                }
                yield tasks.task(asker, subject, id, action);
            }
            default -> throw ApiProblem.invalid("resource.type",
                    "must be one of workspace, project, list, task, position, positions");
        };
    }

    /** The project as the checked principal sees it, when the asker may read it too; otherwise 404. */
    private ProjectResource project(WorkspacePrincipal asker, PrincipalFacts subject, String id) {
        ProjectFacts seenByAsker = authorization.project(asker, id)
                .orElseThrow(() -> ApiProblem.referenceNotFound("resource.id", id));
        if (!AccessPolicy.decide(asker.facts(), Action.PROJECT_READ, new ProjectResource(seenByAsker)).allowed()) {
            throw ApiProblem.referenceNotFound("resource.id", id);
        }
        return new ProjectResource(authorization.project(asker.workspaceId(), subject, id).orElseThrow());
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, "is required");
        }
        return value;
    }
}
