package io.taskgate.console;

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

import io.taskgate.task.TaskBoard;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import tools.jackson.databind.node.ObjectNode;

/**
 * The viewer's own work across projects: what is assigned to them (staff tasks included, which
 * no project board shows) and their private tasks, with their status changed where they may, and
 * a private task written down with any of its fields. A task outside any project opens on its own
 * page ({@link TaskPages}). Every change is the API's, with the version shown as If-Match.
 */
@Controller
@RequestMapping("/w/{workspaceId}/tasks")
class MyTaskPages {

    private final TaskBoard board;
    private final TaskForms taskForms;
    private final Layout layout;

    MyTaskPages(TaskBoard board, TaskForms taskForms, Layout layout) {
        this.board = board;
        this.taskForms = taskForms;
        this.layout = layout;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return page(viewer, workspaceId, model, null, Map.of());
    }

    /** A private task with any of its fields; a refused one comes back beside its form as it was typed. */
    @PostMapping
    String createPrivate(Viewer viewer, @PathVariable String workspaceId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            board.create(viewer.user(), workspaceId, taskForms.newTask("private", form));
            return "redirect:/w/" + workspaceId + "/tasks";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, "new", problem, Forms.typed(form));
        }
    }

    @PostMapping("/{taskId}/status")
    String move(Viewer viewer, @PathVariable String workspaceId, @PathVariable String taskId,
            @RequestParam(defaultValue = "") String status, @RequestParam(required = false) @Nullable Long version,
            Model model, HttpServletResponse response) {
        try {
            ObjectNode body = taskForms.json();
            body.put("status", status);
            board.update(viewer.user(), workspaceId, taskId, body, Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/tasks";
        } catch (ApiProblem problem) {
            return refused(viewer, workspaceId, model, response, "tasks", problem, Map.of());
        }
    }

    private String refused(Viewer viewer, String workspaceId, Model model, HttpServletResponse response,
            String formName, ApiProblem problem, Map<String, String> typed) {
        if (!Problem.shownBesideTheForm(problem)) {
            throw problem;
        }
        response.setStatus(problem.status().value());
        return page(viewer, workspaceId, model, Problem.of(formName, problem), typed);
    }

    private String page(Viewer viewer, String workspaceId, Model model, @Nullable Problem problem,
            Map<String, String> form) {
        layout.frame(model, viewer, workspaceId, "tasks");
        TaskBoard.MyTasks mine = board.mine(viewer.user(), workspaceId);
        model.addAttribute("tasks", mine.tasks());
        model.addAttribute("complete", mine.complete());
        model.addAttribute("statuses", BoardPages.STATUSES);
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        return "console/my-tasks";
    }
}
