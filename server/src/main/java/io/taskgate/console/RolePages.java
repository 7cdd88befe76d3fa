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
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.position.PositionService;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import io.taskgate.workspace.CustomRoleController;
import io.taskgate.workspace.CustomRoleService;

/**
 * Built-in and custom roles, with the permission catalog and per-position {@code shift.edit} as
 * checkboxes. The checked boxes are parsed by the API's own catalog parsing, and nobody may mint
 * a role stronger than themselves (the service's rule, not this page's).
 */
@Controller
@RequestMapping("/w/{workspaceId}/roles")
class RolePages {

    private final CustomRoleService roles;
    private final PositionService positions;
    private final Layout layout;
    private final Forms forms;

    RolePages(CustomRoleService roles, PositionService positions, Layout layout, Forms forms) {
        this.roles = roles;
        this.positions = positions;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return page(viewer, workspaceId, model, Map.of(), null);
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @RequestParam MultiValueMap<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            List<String> permissions = form.getOrDefault("permissions", List.of());
            List<CustomRoleController.PositionGrant> grants = grants(form);
            var request = forms.valid(new CustomRoleController.CreateRole(value(form, "name"), permissions, grants));
            roles.create(viewer.user(), workspaceId, new CustomRoleService.RoleDefinition(request.name(),
                    CustomRoleController.permissions(permissions), CustomRoleController.positionPermissions(grants)));
            return "redirect:/w/" + workspaceId + "/roles";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, "new", form, problem);
        }
    }

    @PostMapping("/{roleId}")
    String change(Viewer viewer, @PathVariable String workspaceId, @PathVariable String roleId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            List<CustomRoleController.PositionGrant> grants = grants(form);
            forms.valid(new CustomRoleController.ChangeRole(value(form, "name"), List.of(), grants));
            if (value(form, "name").isBlank()) {
                throw ApiProblem.invalid("name", "must not be blank");
            }
            roles.change(viewer.user(), workspaceId, roleId, new CustomRoleService.RoleChange(value(form, "name"),
                    CustomRoleController.permissions(form.getOrDefault("permissions", List.of())),
                    CustomRoleController.positionPermissions(grants)),
                    Versions.ifMatch(Forms.version(form.getFirst("version"))));
            return "redirect:/w/" + workspaceId + "/roles";
        } catch (ApiProblem problem) {
            model.addAttribute("staleFor", roleId);
            model.addAttribute("staleVersion", form.getFirst("version"));
            return refused(viewer, workspaceId, model, response, roleId, form, problem);
        }
    }

    @PostMapping("/{roleId}/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String roleId,
            @RequestParam(required = false) @Nullable Long version, Model model, HttpServletResponse response) {
        try {
            roles.delete(viewer.user(), workspaceId, roleId, Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/roles";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, roleId, new org.springframework.util
                    .LinkedMultiValueMap<>(), problem);
        }
    }

    /** Each checked "shift.edit on position P" box is one grant, as the API's positionPermissions entries. */
    private static List<CustomRoleController.PositionGrant> grants(MultiValueMap<String, String> form) {
        return form.getOrDefault("shiftEdit", List.of()).stream()
                .map(positionId -> new CustomRoleController.PositionGrant(positionId, List.of("shift.edit")))
                .toList();
    }

    private String refused(Viewer viewer, String workspaceId, Model model, HttpServletResponse response,
            String formName, MultiValueMap<String, String> form, ApiProblem problem) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        return page(viewer, workspaceId, model, Forms.typed(form, "permissions", "shiftEdit"),
                Problem.of(formName, problem));
    }

    private String page(Viewer viewer, String workspaceId, Model model, Map<String, String> form,
            @Nullable Problem problem) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "roles");
        List<CustomRoleService.RoleView> all = roles.list(viewer.user(), workspaceId, null, 200).items();
        model.addAttribute("roles", all);
        model.addAttribute("roleShiftEdit", all.stream().flatMap(role -> role.positionPermissions().stream()
                .map(grant -> role.id() + ":" + grant.positionId())).collect(java.util.stream.Collectors.toSet()));
        // Only what the viewer holds: the API refuses a role granting more.
        model.addAttribute("catalog", layout.grantablePermissions(principal));
        var allPositions = positions.list(viewer.user(), workspaceId, null, 200).items();
        model.addAttribute("positions", allPositions);
        model.addAttribute("positionNames", allPositions.stream().collect(java.util.stream.Collectors.toMap(
                position -> position.id(), position -> position.name())));
        boolean manage = layout.allows(principal, WorkspacePermission.MEMBERS_MANAGE);
        model.addAttribute("manage", manage);
        // Whom deleting a role reaches, said before it is deleted.
        Map<String, String> heldBy = new java.util.HashMap<>();
        if (manage) {
            roles.holders(viewer.user(), workspaceId).forEach((roleId, holders) -> heldBy.put(roleId, heldBy(holders)));
        }
        model.addAttribute("heldBy", heldBy);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/roles";
    }

    /** "3 people and 1 API client". */
    private static String heldBy(CustomRoleService.Holders holders) {
        List<String> counted = new java.util.ArrayList<>();
        if (holders.people() > 0) {
            counted.add(holders.people() + (holders.people() == 1 ? " person" : " people"));
        }
        if (holders.apiClients() > 0) {
            counted.add(holders.apiClients() + (holders.apiClients() == 1 ? " API client" : " API clients"));
        }
        return String.join(" and ", counted);
    }

    private static String value(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}
