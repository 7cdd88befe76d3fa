package io.taskgate.console;

import java.util.LinkedHashMap;
import java.util.List;
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
import io.taskgate.mastertask.MasterTaskService;
import io.taskgate.position.PositionController;
import io.taskgate.position.PositionService;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import io.taskgate.workspace.WorkspaceService;

/**
 * Job positions with their managers and staff; every member reads, {@code positions.manage} assigns
 * and removes. A refusal says positions and master tasks by their names.
 */
@Controller
@RequestMapping("/w/{workspaceId}/positions")
class PositionPages {

    private final PositionService positions;
    private final MasterTaskService masterTasks;
    private final WorkspaceService workspaces;
    private final Layout layout;
    private final Forms forms;

    PositionPages(PositionService positions, MasterTaskService masterTasks, WorkspaceService workspaces,
            Layout layout, Forms forms) {
        this.positions = positions;
        this.masterTasks = masterTasks;
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
        return page(viewer, workspaceId, model, form, Problem.of(formName, problem).naming(names(viewer, workspaceId,
                problem)));
    }

    /**
     * The positions, and the master tasks a refusal names (those still for a position being
     * deleted), by id: the API names them by id, the page by name.
     */
    private Map<String, String> names(Viewer viewer, String workspaceId, ApiProblem problem) {
        Map<String, String> names = new LinkedHashMap<>();
        positions.list(viewer.user(), workspaceId, null, 200).items()
                .forEach(position -> names.put(position.id(), position.name()));
        if (problem.properties().get("masterTaskIds") instanceof List<?> ids) {
            ids.stream().map(String::valueOf).forEach(id -> {
                try {
                    names.put(id, masterTasks.get(viewer.user(), workspaceId, id).name());
                } catch (ApiProblem gone) {
                    // Deleted meanwhile: its id stays in the sentence.
                }
            });
        }
        return names;
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
