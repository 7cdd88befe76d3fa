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

import io.taskgate.task.TaskBoard;
import io.taskgate.web.ApiProblem;
import io.taskgate.workspace.WorkspaceService;

/**
 * The workspace's staff tasks, for holders of {@code staff_tasks.manage}: every one listed, and a
 * new one given to an active member, as {@code POST …/staff/tasks} does. Anyone else is refused
 * with the decision core's explanation and remedies, as the API's 403 says them; an assignee
 * finds their own staff tasks in "My tasks". Each task opens on its own page ({@link TaskPages}).
 */
@Controller
@RequestMapping("/w/{workspaceId}/staff-tasks")
class StaffTaskPages {

    private final TaskBoard board;
    private final TaskForms taskForms;
    private final WorkspaceMembers members;
    private final Layout layout;

    StaffTaskPages(TaskBoard board, TaskForms taskForms, WorkspaceMembers members, Layout layout) {
        this.board = board;
        this.taskForms = taskForms;
        this.members = members;
        this.layout = layout;
    }

    @GetMapping
    String list(Viewer viewer, @PathVariable String workspaceId, Model model) {
        return page(viewer, workspaceId, model, Map.of(), null);
    }

    @PostMapping
    String create(Viewer viewer, @PathVariable String workspaceId, @RequestParam MultiValueMap<String, String> form,
            Model model, HttpServletResponse response) {
        try {
            board.createStaff(viewer.user(), workspaceId, taskForms.newTask("staff", form));
            return "redirect:/w/" + workspaceId + "/staff-tasks";
        } catch (ApiProblem problem) {
            // A 403 is about the page itself (who may not create may not list): its own page, with the remedies.
            if (!Problem.aboutTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return page(viewer, workspaceId, model, Forms.typed(form), Problem.of("staff-task", problem));
        }
    }

    private String page(Viewer viewer, String workspaceId, Model model, Map<String, String> form,
            @Nullable Problem problem) {
        layout.frame(model, viewer, workspaceId, "staff-tasks");
        TaskBoard.Cards staff = board.staffTasks(viewer.user(), workspaceId);
        List<WorkspaceService.MemberView> people = members.all(viewer, workspaceId);
        model.addAttribute("tasks", staff.tasks());
        model.addAttribute("complete", staff.complete());
        model.addAttribute("names", WorkspaceMembers.names(people));
        model.addAttribute("people", WorkspaceMembers.assignable(people));
        model.addAttribute("statuses", BoardPages.STATUSES);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "console/staff-tasks";
    }
}
