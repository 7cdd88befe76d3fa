package io.taskgate.console;

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

import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.project.ProjectController;
import io.taskgate.project.ProjectService;
import io.taskgate.web.ApiProblem;

/** The projects the viewer may see (the API's visibility-filtered listing), and creating one. */
@Controller
@RequestMapping("/w/{workspaceId}/projects")
class ProjectPages {

    private final ProjectService projects;
    private final Layout layout;
    private final Forms forms;

    ProjectPages(ProjectService projects, Layout layout, Forms forms) {
        this.projects = projects;
        this.layout = layout;
        this.forms = forms;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return page(viewer, workspaceId, model, Map.of("visibility", "private"), null);
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            var request = forms.valid(new ProjectController.CreateProject(form.getOrDefault("name", ""),
                    Forms.blankToNull(form.get("visibility")), Forms.multiline(form.get("description"))));
            var visibility = request.visibility() == null ? io.taskgate.access.Visibility.PRIVATE
                    : ProjectController.visibility(request.visibility());
            var created = projects.create(viewer.user(), workspaceId,
                    new ProjectService.NewProject(request.name(), request.description(), visibility));
            return "redirect:/w/" + workspaceId + "/projects/" + created.id();
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return page(viewer, workspaceId, model, form, Problem.of("project", problem));
        }
    }

    private String page(Viewer viewer, String workspaceId, Model model, Map<String, String> form,
            @Nullable Problem problem) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "projects");
        model.addAttribute("projects", projects.list(viewer.user(), workspaceId, null, 200).items());
        model.addAttribute("mayCreate", layout.allows(principal, io.taskgate.access.WorkspacePermission.PROJECTS_CREATE));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/projects";
    }
}
