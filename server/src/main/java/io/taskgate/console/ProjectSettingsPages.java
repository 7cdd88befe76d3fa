package io.taskgate.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.project.ProjectController;
import io.taskgate.project.ProjectService;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;

/**
 * A project's name, description and visibility, changed on its page, and the project deleted,
 * through the API's use cases: the same rules, and the version shown sent as {@code If-Match}.
 */
@Controller
@RequestMapping("/w/{workspaceId}/projects/{projectId}")
class ProjectSettingsPages {

    private final ProjectService projects;
    private final ProjectPage projectPage;
    private final Forms forms;

    ProjectSettingsPages(ProjectService projects, ProjectPage projectPage, Forms forms) {
        this.projects = projects;
        this.projectPage = projectPage;
        this.forms = forms;
    }

    @PostMapping("/settings")
    String change(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam Map<String, String> form, @RequestParam(required = false) @Nullable Long version,
            Model model, HttpServletResponse response) {
        try {
            String shownDescription = projects.get(viewer.user(), workspaceId, projectId).description();
            var request = forms.valid(new ProjectController.ChangeProject(form.getOrDefault("name", ""),
                    Forms.blankToNull(form.get("visibility")), Forms.multiline(form.get("description"),
                            shownDescription)));
            projects.change(viewer.user(), workspaceId, projectId, new ProjectService.ProjectChange(request.name(),
                    request.description(), request.visibility() == null ? null
                            : ProjectController.visibility(request.visibility())), Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/projects/" + projectId;
        } catch (ApiProblem problem) {
            model.addAttribute("settingsForm", form);
            return refused(viewer, workspaceId, projectId, model, response, problem);
        }
    }

    /** Its lists, tasks and memberships go with it; the audit log keeps that it was deleted. */
    @PostMapping("/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam(required = false) @Nullable Long version, Model model, HttpServletResponse response) {
        try {
            projects.delete(viewer.user(), workspaceId, projectId, Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/projects";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, projectId, model, response, problem);
        }
    }

    /** A refusal is shown beside the settings; a project not there is the 404 page. */
    private String refused(Viewer viewer, String workspaceId, String projectId, Model model,
            HttpServletResponse response, ApiProblem problem) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        return projectPage.render(viewer, workspaceId, projectId, model, Problem.of("settings", problem), null);
    }
}
