package io.taskgate.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.web.ApiProblem;
import io.taskgate.workspace.WorkspaceController;
import io.taskgate.workspace.WorkspaceService;

/** The workspaces a person belongs to: switch between them, create one (its creator becomes owner). */
@Controller
class WorkspacePages {

    private final WorkspaceService workspaces;
    private final Layout layout;
    private final Forms forms;

    WorkspacePages(WorkspaceService workspaces, Layout layout, Forms forms) {
        this.workspaces = workspaces;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping("/workspaces")
    String list(Viewer viewer, Model model) {
        return page(viewer, model, Map.of(), null);
    }

    @PostMapping("/workspaces")
    String create(Viewer viewer, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            var request = forms.valid(new WorkspaceController.CreateWorkspace(form.getOrDefault("name", "")));
            return "redirect:/w/" + workspaces.create(viewer.user(), request.name()).id() + "/projects";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return page(viewer, model, form, Problem.of("workspace", problem));
        }
    }

    private String page(Viewer viewer, Model model, Map<String, String> form, @Nullable Problem problem) {
        layout.frameOutside(model, viewer, "workspaces");
        model.addAttribute("deactivatedIn", workspaces.deactivatedIn(viewer.user()));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/workspaces";
    }

    /** The switcher's target, so switching works without JavaScript too. */
    @GetMapping("/switch")
    String switchTo(Viewer viewer, @RequestParam String workspace) {
        return "redirect:/w/" + workspaces.get(viewer.user(), workspace).id() + "/projects";
    }

    @GetMapping("/w/{workspaceId}")
    String open(Viewer viewer, @PathVariable String workspaceId) {
        return "redirect:/w/" + workspaces.get(viewer.user(), workspaceId).id() + "/projects";
    }
}
