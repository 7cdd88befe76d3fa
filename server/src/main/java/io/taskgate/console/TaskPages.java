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
import io.taskgate.web.Versions;
import io.taskgate.workspace.WorkspaceService;

/**
 * A task outside any project — a private task, or a staff task — on its own page, since no board
 * shows it. The form offers what the decision core lets the viewer change: every field to the
 * creator of a private task and to holders of {@code staff_tasks.manage}, only status and blockers
 * to a staff task's assignee (the other fields are shown, not offered). A save sends only the
 * fields that changed, with the version the page was shown with as If-Match, as a board's task does.
 */
@Controller
@RequestMapping("/w/{workspaceId}/tasks/{taskId}")
class TaskPages {

    private final TaskBoard board;
    private final TaskForms taskForms;
    private final WorkspaceMembers members;
    private final Layout layout;

    TaskPages(TaskBoard board, TaskForms taskForms, WorkspaceMembers members, Layout layout) {
        this.board = board;
        this.taskForms = taskForms;
        this.members = members;
        this.layout = layout;
    }

    @GetMapping
    String show(Viewer viewer, @PathVariable String workspaceId, @PathVariable String taskId, Model model) {
        TaskBoard.Opened opened = board.open(viewer.user(), workspaceId, taskId);
        TaskBoard.Card card = opened.card();
        if (card.projectId() != null) {
            // A project's task is edited on its board, where its lists and project roles are.
            return "redirect:/w/" + workspaceId + "/projects/" + card.projectId() + "/board/tasks/" + taskId;
        }
        return page(viewer, workspaceId, opened, TaskForms.values(card), model, null);
    }

    @PostMapping
    String update(Viewer viewer, @PathVariable String workspaceId, @PathVariable String taskId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        TaskBoard.Opened opened = outsideProjects(viewer, workspaceId, taskId);
        TaskBoard.Card card = opened.card();
        try {
            taskForms.save(board, viewer, workspaceId, card, form);
            return "redirect:" + back(workspaceId, opened);
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            Map<String, String> typed = Forms.typed(form);
            if (problem.status().value() == 412) {
                // Someone changed it meanwhile: what they left beside what was typed, and the
                // version the page was shown with kept, so a plain Save stays refused.
                typed.put("version", String.valueOf(form.getFirst("version")));
                model.addAttribute("theirs", TaskForms.differences(card, typed,
                        WorkspaceMembers.names(members.all(viewer, workspaceId)), List.of()));
            }
            return page(viewer, workspaceId, opened, typed, model, Problem.of("task", problem));
        }
    }

    /** Deletes the task, with the version its page was shown with as If-Match. */
    @PostMapping("/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String taskId,
            @RequestParam(required = false) @Nullable Long version, Model model, HttpServletResponse response) {
        TaskBoard.Opened opened = outsideProjects(viewer, workspaceId, taskId);
        try {
            board.delete(viewer.user(), workspaceId, taskId, Versions.ifMatch(version));
            return "redirect:" + back(workspaceId, opened);
        } catch (ApiProblem problem) {
            if (problem.status().value() != 403 && problem.status().value() != 412) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return page(viewer, workspaceId, opened, TaskForms.values(opened.card()), model,
                    Problem.of("task", problem));
        }
    }

    /** The task, when it is outside any project: a project's task is changed from its board only. */
    private TaskBoard.Opened outsideProjects(Viewer viewer, String workspaceId, String taskId) {
        TaskBoard.Opened opened = board.open(viewer.user(), workspaceId, taskId);
        if (opened.card().projectId() != null) {
            throw ApiProblem.notFound("Task " + taskId);
        }
        return opened;
    }

    /**
     * Where the task is listed for the viewer: the workspace's staff tasks for whoever manages
     * them, else their own tasks.
     */
    private static String back(String workspaceId, TaskBoard.Opened opened) {
        boolean managed = opened.card().type().equals("staff") && opened.editable();
        return "/w/" + workspaceId + (managed ? "/staff-tasks" : "/tasks");
    }

    private String page(Viewer viewer, String workspaceId, TaskBoard.Opened opened, Map<String, String> form,
            Model model, @Nullable Problem problem) {
        layout.frame(model, viewer, workspaceId, back(workspaceId, opened).endsWith("/staff-tasks")
                ? "staff-tasks" : "tasks");
        TaskBoard.Card card = opened.card();
        boolean staff = card.type().equals("staff");
        List<WorkspaceService.MemberView> people = staff ? members.all(viewer, workspaceId) : List.of();
        model.addAttribute("card", card);
        model.addAttribute("staff", staff);
        model.addAttribute("editable", opened.editable());
        model.addAttribute("statusOnly", !opened.editable() && opened.movable());
        model.addAttribute("deletable", opened.deletable());
        model.addAttribute("back", back(workspaceId, opened));
        model.addAttribute("form", form);
        model.addAttribute("statuses", BoardPages.STATUSES);
        model.addAttribute("people", WorkspaceMembers.assignable(people));
        model.addAttribute("names", WorkspaceMembers.names(people));
        model.addAttribute("problem", problem);
        return "console/lone-task";
    }
}
