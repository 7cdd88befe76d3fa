package io.taskgate.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.Action;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.Remedy;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.apiclient.ApiClientService;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.position.PositionService;
import io.taskgate.project.ProjectMemberService;
import io.taskgate.web.ApiProblem;
import io.taskgate.workspace.WorkspaceService;

/**
 * Turns the decision core's remedies into buttons: a remedy gets one when the viewer may apply
 * it (asked of the core, like any action), and applying it is the same use case the API offers —
 * adding a project member, setting an access level — with the same checks and audit event.
 */
@Component
class Remedies {

    /** What the explorer says once a remedy of each kind it can apply was applied. */
    private static final Map<String, String> APPLIED = Map.of(
            Remedy.ADD_PROJECT_MEMBER, "added to the project",
            Remedy.RAISE_PROJECT_ROLE, "project role raised",
            Remedy.SET_ACCESS_LEVEL, "access level changed",
            Remedy.REACTIVATE_API_CLIENT, "API client enabled",
            Remedy.REACTIVATE_USER, "person reactivated",
            Remedy.SET_WORKSPACE_ROLE, "workspace role changed",
            Remedy.MAKE_POSITION_MANAGER, "made manager of the position",
            Remedy.ALL_OF, "each of its changes made");

    private final ProjectMemberService members;
    private final ApiClientService clients;
    private final WorkspaceService workspaces;
    private final PositionService positions;
    private final Layout layout;

    Remedies(ProjectMemberService members, ApiClientService clients, WorkspaceService workspaces,
            PositionService positions, Layout layout) {
        this.members = members;
        this.clients = clients;
        this.workspaces = workspaces;
        this.positions = positions;
        this.layout = layout;
    }

    /**
     * A remedy as the explorer shows it.
     *
     * @param button the label of the button that applies it, when the viewer may
     * @param link where to make the change by hand, when it cannot be a single button
     */
    record Offer(int index, Remedy remedy, @Nullable String button, @Nullable String link) {
    }

    Offer offer(WorkspacePrincipal viewer, int index, Remedy remedy) {
        String base = "/w/" + viewer.workspaceId();
        return switch (remedy.kind()) {
            case Remedy.ADD_PROJECT_MEMBER -> button(index, remedy, "Add as " + remedy.role(),
                    remedy.projectId() != null
                            && layout.allows(viewer, remedy.projectId(), Action.PROJECT_MEMBERS_MANAGE));
            case Remedy.RAISE_PROJECT_ROLE -> button(index, remedy, "Make " + remedy.role(),
                    remedy.projectId() != null
                            && layout.allows(viewer, remedy.projectId(), Action.PROJECT_MEMBERS_MANAGE));
            case Remedy.SET_ACCESS_LEVEL -> button(index, remedy, "Set access level to " + remedy.accessLevel(),
                    layout.allows(viewer, WorkspacePermission.API_CLIENTS_MANAGE)
                            && layout.grantableAccessLevels(viewer).contains(remedy.accessLevel()));
            case Remedy.REACTIVATE_API_CLIENT -> button(index, remedy, "Enable the client",
                    layout.allows(viewer, WorkspacePermission.API_CLIENTS_MANAGE));
            case Remedy.REACTIVATE_USER -> button(index, remedy, "Reactivate",
                    layout.allows(viewer, WorkspacePermission.MEMBERS_MANAGE));
            case Remedy.SET_WORKSPACE_ROLE -> button(index, remedy, "Make " + remedy.role(),
                    layout.allows(viewer, WorkspacePermission.MEMBERS_MANAGE));
            case Remedy.MAKE_POSITION_MANAGER -> button(index, remedy, "Make manager of the position",
                    remedy.positionId() != null && layout.allows(viewer, WorkspacePermission.POSITIONS_MANAGE));
            case Remedy.GRANT_WORKSPACE_PERMISSION, Remedy.GRANT_POSITION_PERMISSION -> new Offer(index, remedy, null,
                    layout.allows(viewer, WorkspacePermission.MEMBERS_MANAGE) ? base + "/roles" : null);
            case Remedy.CREATE_NEW_KEY -> new Offer(index, remedy, null,
                    layout.allows(viewer, WorkspacePermission.API_CLIENTS_MANAGE)
                            ? base + "/api-clients/" + remedy.principalId() : null);
            case Remedy.ALL_OF -> allOf(viewer, index, remedy);
            default -> new Offer(index, remedy, null, null);
        };
    }

    /**
     * What the explorer says once a remedy of {@code kind} was applied; null for a kind it cannot
     * apply. The notice is carried in the address as the kind only, so the page never shows text
     * the address brings: a crafted link can at most repeat one of these sentences.
     */
    static @Nullable String appliedNotice(@Nullable String kind) {
        return kind == null ? null : APPLIED.get(kind);
    }

    /** Several changes together: one button when the viewer may make each of them. */
    private Offer allOf(WorkspacePrincipal viewer, int index, Remedy remedy) {
        List<Offer> steps = inOrder(remedy.steps()).stream().map(step -> offer(viewer, index, step)).toList();
        boolean each = !steps.isEmpty() && steps.stream().allMatch(step -> step.button() != null);
        return new Offer(index, remedy, each ? steps.stream().map(Offer::button).collect(Collectors.joining(", then "))
                : null, null);
    }

    /**
     * The steps in the order they can be made: who the principal is (active, its workspace role,
     * its access level) before what it holds in a project, which the guest cap may otherwise refuse.
     */
    private static List<Remedy> inOrder(List<Remedy> steps) {
        List<String> first = List.of(Remedy.REACTIVATE_USER, Remedy.REACTIVATE_API_CLIENT, Remedy.SET_WORKSPACE_ROLE,
                Remedy.SET_ACCESS_LEVEL);
        return steps.stream().sorted(Comparator.comparingInt(step -> {
            int at = first.indexOf(step.kind());
            return at < 0 ? first.size() : at;
        })).toList();
    }

    private static Offer button(int index, Remedy remedy, String label, boolean allowed) {
        return new Offer(index, remedy, allowed ? label : null, null);
    }

    /**
     * Applies the remedy as the viewer; the services check again, so a stale button cannot
     * overreach. Every step of an {@code all_of} is made in one transaction: all or none.
     */
    @Transactional
    public void apply(Caller viewer, String workspaceId, Remedy remedy) {
        switch (remedy.kind()) {
            case Remedy.ALL_OF -> inOrder(remedy.steps()).forEach(step -> apply(viewer, workspaceId, step));
            case Remedy.ADD_PROJECT_MEMBER -> members.add(viewer, workspaceId, required(remedy.projectId()),
                    new ProjectMemberService.NewMember(remedy.principalType(), remedy.principalId(), role(remedy)));
            case Remedy.RAISE_PROJECT_ROLE -> raise(viewer, workspaceId, remedy);
            case Remedy.SET_ACCESS_LEVEL -> clients.change(viewer, workspaceId, remedy.principalId(),
                    new ApiClientService.ClientChange(null, null,
                            AccessLevel.fromKey(required(remedy.accessLevel())).orElseThrow(), null, null), null);
            case Remedy.REACTIVATE_API_CLIENT -> clients.change(viewer, workspaceId, remedy.principalId(),
                    new ApiClientService.ClientChange(null, null, null, null, true), null);
            case Remedy.REACTIVATE_USER -> workspaces.changeMember(viewer, workspaceId, remedy.principalId(),
                    new WorkspaceService.MemberChange(null, null, true), null);
            case Remedy.SET_WORKSPACE_ROLE -> workspaces.changeMember(viewer, workspaceId, remedy.principalId(),
                    new WorkspaceService.MemberChange(WorkspaceRole.fromKey(required(remedy.role())).orElseThrow(),
                            null, null), null);
            case Remedy.MAKE_POSITION_MANAGER -> positions.addManager(viewer, workspaceId,
                    required(remedy.positionId()), remedy.principalId());
            default -> throw ApiProblem.conflict("remedy_not_applicable",
                    "This remedy is a change to make by hand: " + remedy.description());
        }
    }

    /** A stronger role for a direct member; a principal whose role came through a team is added directly. */
    private void raise(Caller viewer, String workspaceId, Remedy remedy) {
        String projectId = required(remedy.projectId());
        boolean direct = members.list(viewer, workspaceId, projectId, null, 200).items().stream()
                .anyMatch(member -> member.principalId().equals(remedy.principalId()));
        if (direct) {
            members.changeRole(viewer, workspaceId, projectId, remedy.principalId(), role(remedy), null);
        } else {
            members.add(viewer, workspaceId, projectId,
                    new ProjectMemberService.NewMember(remedy.principalType(), remedy.principalId(), role(remedy)));
        }
    }

    private static ProjectRole role(Remedy remedy) {
        return ProjectRole.fromKey(required(remedy.role())).orElseThrow();
    }

    private static String required(@Nullable String value) {
        if (value == null) {
            throw ApiProblem.conflict("remedy_not_applicable", "The remedy does not name what to change");
        }
        return value;
    }
}
