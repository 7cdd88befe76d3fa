package io.taskgate.console;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import io.taskgate.workspace.CustomRoleService;
import io.taskgate.workspace.WorkspaceController;
import io.taskgate.workspace.WorkspaceService;

/**
 * The people of a workspace: every member sees who is here; with {@code members.manage} one
 * invites by email, changes a workspace role and custom roles, and deactivates (nothing is
 * deleted: access stops). Granting takes holding what is granted, as through the API.
 */
@Controller
@RequestMapping("/w/{workspaceId}/people")
class PeoplePages {

    private final WorkspaceService workspaces;
    private final CustomRoleService roles;
    private final Layout layout;
    private final Forms forms;

    PeoplePages(WorkspaceService workspaces, CustomRoleService roles, Layout layout, Forms forms) {
        this.workspaces = workspaces;
        this.roles = roles;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return page(viewer, workspaceId, model, Map.of("role", "member"), null);
    }

    @PostMapping
    String invite(Viewer viewer, @PathVariable String workspaceId, @RequestParam MultiValueMap<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            List<String> customRoleIds = form.getOrDefault("customRoleIds", List.of());
            var request = forms.valid(new WorkspaceController.AddMember(value(form, "email"),
                    Forms.blankToNull(form.getFirst("role")), customRoleIds));
            WorkspaceRole role = request.role() == null ? WorkspaceRole.MEMBER
                    : WorkspaceController.workspaceRole(request.role());
            workspaces.addMember(viewer.user(), workspaceId, request.email(), role, customRoleIds);
            return "redirect:/w/" + workspaceId + "/people";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, "invite", Forms.typed(form, "customRoleIds"),
                    problem);
        }
    }

    /** One form per person: role and custom roles together; {@code active} alone from its own button. */
    @PostMapping("/{userId}")
    String change(Viewer viewer, @PathVariable String workspaceId, @PathVariable String userId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            WorkspaceRole role = form.containsKey("role") ? WorkspaceController.workspaceRole(value(form, "role"))
                    : null;
            List<String> customRoleIds = form.containsKey("customRolesShown")
                    ? form.getOrDefault("customRoleIds", List.of()) : null;
            Boolean active = form.containsKey("active") ? Boolean.valueOf(value(form, "active")) : null;
            workspaces.changeMember(viewer.user(), workspaceId, userId,
                    new WorkspaceService.MemberChange(role, customRoleIds, active),
                    Versions.ifMatch(Forms.version(form.getFirst("version"))));
            return "redirect:/w/" + workspaceId + "/people";
        } catch (ApiProblem problem) {
            // The version this row was shown with stays: saving again after someone else's change
            // is refused again, never a silent overwrite.
            model.addAttribute("staleFor", userId);
            model.addAttribute("staleVersion", form.getFirst("version"));
            return refused(viewer, workspaceId, model, response, "member:" + userId, Map.of("role", "member"),
                    problem);
        }
    }

    private String refused(Viewer viewer, String workspaceId, Model model, HttpServletResponse response,
            String formName, Map<String, String> form, ApiProblem problem) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        return page(viewer, workspaceId, model, form, Problem.of(formName, problem));
    }

    private String page(Viewer viewer, String workspaceId, Model model, Map<String, String> form,
            @Nullable Problem problem) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "people");
        model.addAttribute("people", workspaces.listMembers(viewer.user(), workspaceId, null, 200).items());
        List<CustomRoleService.RoleView> customRoles = roles.list(viewer.user(), workspaceId, null, 200).items()
                .stream().filter(role -> !role.builtIn()).toList();
        model.addAttribute("customRoles", customRoles);
        // A custom role the viewer may not give stays as it is: shown, but not a choice.
        model.addAttribute("grantableCustomRoles", layout.grantableCustomRoles(principal, customRoles));
        model.addAttribute("roleNames", customRoles.stream().collect(java.util.stream.Collectors.toMap(
                CustomRoleService.RoleView::id, CustomRoleService.RoleView::name)));
        // Only the roles the viewer may give; a person holding another one is changed by someone who may.
        model.addAttribute("builtInRoles", layout.grantableRoles(principal));
        model.addAttribute("manage", layout.allows(principal, WorkspacePermission.MEMBERS_MANAGE));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/people";
    }

    private static String value(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}
