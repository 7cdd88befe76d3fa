package io.taskgate.console;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.Action;
import io.taskgate.access.ProjectResource;
import io.taskgate.access.Resource;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceResource;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.web.ApiProblem;
import io.taskgate.workspace.CustomRoleService;
import io.taskgate.workspace.CustomRoles;
import io.taskgate.workspace.WorkspaceService;

/**
 * The frame of every page: who is signed in, the workspace switcher, and the navigation, whose
 * entries are those the decision core allows this person — the same answers the API gives.
 */
@Component
class Layout {

    private final WorkspaceService workspaces;
    private final Authorization authorization;
    private final CustomRoles customRoles;

    Layout(WorkspaceService workspaces, Authorization authorization, CustomRoles customRoles) {
        this.workspaces = workspaces;
        this.authorization = authorization;
        this.customRoles = customRoles;
    }

    /**
     * @param workspace the current workspace, null on pages outside one
     * @param may the workspace permissions the viewer holds here, by key
     */
    record Nav(Viewer viewer, WorkspaceService.@Nullable WorkspaceView workspace,
            List<WorkspaceService.WorkspaceView> workspaces, Set<String> may, String section) {

        public boolean may(String permission) {
            return may.contains(permission);
        }

        public String base() {
            return workspace == null ? "" : "/w/" + workspace.id();
        }
    }

    /** Enters the workspace (404 when the viewer is not an active member of it) and frames the page. */
    WorkspacePrincipal frame(Model model, Viewer viewer, String workspaceId, String section) {
        WorkspacePrincipal principal = authorization.enter(viewer.user(), workspaceId);
        Set<String> may = Arrays.stream(WorkspacePermission.values())
                .filter(permission -> allows(principal, permission))
                .map(WorkspacePermission::key)
                .collect(Collectors.toUnmodifiableSet());
        model.addAttribute("nav", new Nav(viewer, workspaces.get(viewer.user(), workspaceId), mine(viewer), may,
                section));
        return principal;
    }

    void frameOutside(Model model, Viewer viewer, String section) {
        model.addAttribute("nav", new Nav(viewer, null, mine(viewer), Set.of(), section));
    }

    List<WorkspaceService.WorkspaceView> mine(Viewer viewer) {
        return workspaces.listMine(viewer.user(), null, 200).items();
    }

    boolean allows(WorkspacePrincipal principal, WorkspacePermission permission) {
        return authorization.decide(principal, Action.of(permission), WorkspaceResource.INSTANCE).allowed();
    }

    /** The workspace permissions the viewer holds, so may put in a custom role (the API's rule), in catalog order. */
    List<String> grantablePermissions(WorkspacePrincipal principal) {
        return Arrays.stream(WorkspacePermission.values()).filter(permission -> allows(principal, permission))
                .map(WorkspacePermission::key).toList();
    }

    /** The built-in roles the viewer may give: those whose every permission it holds, strongest first. */
    List<String> grantableRoles(WorkspacePrincipal principal) {
        return Arrays.stream(WorkspaceRole.values())
                .filter(role -> role.permissions().stream().allMatch(permission -> allows(principal, permission)))
                .map(WorkspaceRole::key).toList();
    }

    /** The custom roles the viewer may give or take away, by the API's rule ({@link CustomRoles#givableBy}). */
    Set<String> grantableCustomRoles(WorkspacePrincipal principal, List<CustomRoleService.RoleView> roles) {
        return customRoles.givableBy(principal, roles.stream().map(CustomRoleService.RoleView::id).toList());
    }

    /** The access levels the viewer may give an API client: {@code global} takes {@code tasks.edit_all}. */
    List<String> grantableAccessLevels(WorkspacePrincipal principal) {
        return Arrays.stream(AccessLevel.values())
                .filter(level -> level != AccessLevel.GLOBAL || allows(principal, WorkspacePermission.TASKS_EDIT_ALL))
                .map(AccessLevel::key).toList();
    }

    /** Whether the core allows the viewer {@code action} on {@code resource}. */
    boolean allows(WorkspacePrincipal principal, Action action, Resource resource) {
        return authorization.decide(principal, action, resource).allowed();
    }

    /** Whether the core allows the viewer {@code action} on the project, as it sees the project. */
    boolean allows(WorkspacePrincipal principal, String projectId, Action action) {
        return authorization.project(principal, projectId)
                .map(project -> authorization.decide(principal, action, new ProjectResource(project)).allowed())
                .orElse(false);
    }

    /**
     * A whole area of the console that the viewer may not use is not there for them: its URL
     * answers the 404 page, as its navigation entry is absent.
     */
    void requireArea(WorkspacePrincipal principal, WorkspacePermission permission) {
        if (!allows(principal, permission)) {
            throw ApiProblem.notFound("Page");
        }
    }
}
