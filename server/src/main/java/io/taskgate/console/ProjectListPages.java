package io.taskgate.console;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.task.TaskListService;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's lists, created, renamed and deleted on the project page through the API's list use
 * cases: the name is parsed by the API's rules, and each change carries the version shown, as
 * {@code If-Match}.
 */
@Controller
@RequestMapping("/w/{workspaceId}/projects/{projectId}/lists")
class ProjectListPages {

    private final TaskListService lists;
    private final ProjectPage projectPage;
    private final JsonMapper json;

    ProjectListPages(TaskListService lists, ProjectPage projectPage, JsonMapper json) {
        this.lists = lists;
        this.projectPage = projectPage;
        this.json = json;
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response) {
        try {
            lists.create(viewer.user(), workspaceId, projectId, TaskListService.ListFields.parse(named(name), true));
            return back(workspaceId, projectId);
        } catch (ApiProblem problem) {
            model.addAttribute("typedName", name);
            return refused(viewer, workspaceId, projectId, model, response, "lists", problem);
        }
    }

    @PostMapping("/{listId}")
    String rename(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String listId, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable Long version, Model model, HttpServletResponse response) {
        try {
            lists.update(viewer.user(), workspaceId, projectId, listId,
                    TaskListService.ListFields.parse(named(name), false), Versions.ifMatch(version));
            return back(workspaceId, projectId);
        } catch (ApiProblem problem) {
            model.addAttribute("typedName", name);
            // The version the form was shown with stays: a second Save after someone else's
            // change is refused again, never a silent overwrite of what they wrote.
            model.addAttribute("typedVersion", version);
            return refused(viewer, workspaceId, projectId, model, response, listId, problem);
        }
    }

    /** Tasks stay in the project; they only leave the deleted list. */
    @PostMapping("/{listId}/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String listId, @RequestParam(required = false) @Nullable Long version, Model model,
            HttpServletResponse response) {
        try {
            lists.delete(viewer.user(), workspaceId, projectId, listId, Versions.ifMatch(version));
            return back(workspaceId, projectId);
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, projectId, model, response, listId, problem);
        }
    }

    private ObjectNode named(String name) {
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        return body;
    }

    /** A refusal of the form is shown beside it; a project or list not there is the 404 page. */
    private String refused(Viewer viewer, String workspaceId, String projectId, Model model,
            HttpServletResponse response, String form, ApiProblem problem) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        return projectPage.render(viewer, workspaceId, projectId, model, Problem.of(form, problem), null);
    }

    private static String back(String workspaceId, String projectId) {
        return "redirect:/w/" + workspaceId + "/projects/" + projectId;
    }
}
