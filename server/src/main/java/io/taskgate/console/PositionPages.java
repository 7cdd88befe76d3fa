package io.taskgate.console;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.WorkspacePermission;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.position.PositionController;
import io.taskgate.position.PositionService;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import io.taskgate.workspace.WorkspaceService;

/** Job positions with their managers and staff; every member reads, {@code positions.manage} assigns and removes. */
@Controller
@RequestMapping("/w/{workspaceId}/positions")
class PositionPages {

    private final PositionService positions;
    private final WorkspaceService workspaces;
    private final Layout layout;
    private final Forms forms;

    PositionPages(PositionService positions, WorkspaceService workspaces, Layout layout, Forms forms) {
        this.positions = positions;
        this.workspaces = workspaces;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return page(viewer, workspaceId, model, Map.of(), null);
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            var request = forms.valid(new PositionController.NamePosition(form.getOrDefault("name", "")));
            positions.create(viewer.user(), workspaceId, request.name());
            return "redirect:/w/" + workspaceId + "/positions";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, "position", form, problem);
        }
    }

    /** {@code as} is {@code manager} or {@code staff}. */
    @PostMapping("/{positionId}/people")
    String assign(Viewer viewer, @PathVariable String workspaceId, @PathVariable String positionId,
            @RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "staff") String as,
            Model model, HttpServletResponse response) {
        try {
            var request = forms.valid(new PositionController.AssignUser(userId));
            switch (as) {
                case "manager" -> positions.addManager(viewer.user(), workspaceId, positionId, request.userId());
                case "staff" -> positions.addStaff(viewer.user(), workspaceId, positionId, request.userId());
                default -> throw ApiProblem.invalid("as", "must be manager or staff");
            }
            return "redirect:/w/" + workspaceId + "/positions";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, positionId, Map.of(), problem);
        }
    }

    @PostMapping("/{positionId}/name")
    String rename(Viewer viewer, @PathVariable String workspaceId, @PathVariable String positionId,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable Long version,
            Model model, HttpServletResponse response) {
        try {
            positions.rename(viewer.user(), workspaceId, positionId,
                    forms.valid(new PositionController.NamePosition(name)).name(), Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/positions";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, positionId, Map.of("name", name), problem);
        }
    }

    /** Refused (409) while live master tasks are for it. */
    @PostMapping("/{positionId}/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String positionId,
            @RequestParam(required = false) @Nullable Long version, Model model, HttpServletResponse response) {
        try {
            positions.delete(viewer.user(), workspaceId, positionId, Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/positions";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, positionId, Map.of(), problem);
        }
    }

    /** {@code as} is {@code managers} or {@code staff}, as in the API's {@code DELETE …/{as}/{userId}}. */
    @PostMapping("/{positionId}/{as:managers|staff}/{userId}/remove")
    String unassign(Viewer viewer, @PathVariable String workspaceId, @PathVariable String positionId,
            @PathVariable String as, @PathVariable String userId, Model model, HttpServletResponse response) {
        try {
            if (as.equals("managers")) {
                positions.removeManager(viewer.user(), workspaceId, positionId, userId);
            } else {
                positions.removeStaff(viewer.user(), workspaceId, positionId, userId);
            }
            return "redirect:/w/" + workspaceId + "/positions";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, positionId, Map.of(), problem);
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
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "positions");
        Map<String, String> people = new LinkedHashMap<>();
        workspaces.listMembers(viewer.user(), workspaceId, null, 200).items()
                .forEach(person -> people.put(person.id(), person.name()));
        model.addAttribute("positions", positions.list(viewer.user(), workspaceId, null, 200).items());
        model.addAttribute("people", people);
        model.addAttribute("manage", layout.allows(principal, WorkspacePermission.POSITIONS_MANAGE));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/positions";
    }
}
