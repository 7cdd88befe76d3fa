package io.taskgate.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.taskgate.access.Action;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.project.ProjectMemberService;
import io.taskgate.project.ProjectService;
import io.taskgate.task.TaskBoard;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Versions;
import io.taskgate.workspace.WorkspaceService;

import tools.jackson.databind.node.ObjectNode;

/**
 * A project's tasks as a board with a column per status. Forms become the JSON body the API
 * would get ({@link TaskForms}), so they are refused with the API's own 422 messages; moving a
 * card is an htmx PATCH of its status, carrying its version like {@code If-Match}, offered only on
 * the cards the decision core lets the viewer update.
 */
@Controller
@RequestMapping("/w/{workspaceId}/projects/{projectId}/board")
class BoardPages {

    static final List<String> STATUSES = List.of("pending", "in-progress", "blocked", "completed");

    private final TaskBoard board;
    private final TaskForms taskForms;
    private final ProjectService projects;
    private final ProjectMemberService members;
    private final WorkspaceService workspaces;
    private final Layout layout;

    BoardPages(TaskBoard board, TaskForms taskForms, ProjectService projects, ProjectMemberService members,
            WorkspaceService workspaces, Layout layout) {
        this.board = board;
        this.taskForms = taskForms;
        this.projects = projects;
        this.members = members;
        this.workspaces = workspaces;
        this.layout = layout;
    }

    /** The board's filters, kept in the URL so a filtered board can be shared and reloaded. */
    record Filter(String assignee, String list) {

        @Nullable String assigneeOrNull() {
            return assignee.isBlank() ? null : assignee;
        }

        @Nullable String listOrNull() {
            return list.isBlank() ? null : list;
        }
    }

    @GetMapping
    String show(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String list,
            Model model) {
        return page(viewer, workspaceId, projectId, new Filter(assignee, list), model, Map.of(), null, null);
    }

    @PostMapping("/tasks")
    String create(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            board.create(viewer.user(), workspaceId, taskForms.forCreate(projectId, form));
            return "redirect:/w/" + workspaceId + "/projects/" + projectId + "/board";
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return page(viewer, workspaceId, projectId, new Filter("", ""), model, Forms.typed(form, "lists"),
                    Problem.of("task", problem), null);
        }
    }

    /** htmx: the card's new status; answers the board again, with the refusal when there is one. */
    @PatchMapping("/tasks/{taskId}/status")
    String move(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String taskId, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) @Nullable Long version, @RequestParam(defaultValue = "") String assignee,
            @RequestParam(defaultValue = "") String list, Model model) {
        String flash = null;
        try {
            board.get(viewer.user(), workspaceId, projectId, taskId);
            ObjectNode body = taskForms.json();
            body.put("status", status);
            board.update(viewer.user(), workspaceId, taskId, body, Versions.ifMatch(version));
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404 && !problem.properties().containsKey("field")) {
                throw problem;
            }
            // In a person's words, as the forms say it (not If-Match's), with what would allow it.
            Problem said = Problem.of("task", problem);
            flash = said.remedies().isEmpty() ? said.message()
                    : said.message() + " What would allow it: " + String.join("; ", said.remedies()) + ".";
        }
        page(viewer, workspaceId, projectId, new Filter(assignee, list), model, Map.of(), null, flash);
        return "console/board :: board";
    }

    @GetMapping("/tasks/{taskId}")
    String edit(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String taskId, Model model) {
        TaskBoard.Card card = board.get(viewer.user(), workspaceId, projectId, taskId);
        return editPage(viewer, workspaceId, projectId, card, TaskForms.values(card), model, null);
    }

    @PostMapping("/tasks/{taskId}")
    String update(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response) {
        TaskBoard.Card card = board.get(viewer.user(), workspaceId, projectId, taskId);
        try {
            taskForms.save(board, viewer, workspaceId, card, form);
            return "redirect:/w/" + workspaceId + "/projects/" + projectId + "/board";
        } catch (ApiProblem problem) {
            if (!Problem.shownBesideTheForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            Map<String, String> typed = Forms.typed(form, "lists");
            if (problem.status().value() == 412) {
                // Someone changed it meanwhile: what they left beside what was typed, and the
                // version the page was shown with kept, so a plain Save stays refused.
                typed.put("version", String.valueOf(form.getFirst("version")));
                model.addAttribute("theirs", TaskForms.differences(card, typed, people(viewer, workspaceId,
                        projectId), board.lists(viewer.user(), workspaceId, projectId)));
            }
            return editPage(viewer, workspaceId, projectId, card, typed, model, Problem.of("task", problem));
        }
    }

    /** Deletes the task, with the version its page was shown with as If-Match; back to the board. */
    @PostMapping("/tasks/{taskId}/delete")
    String delete(Viewer viewer, @PathVariable String workspaceId, @PathVariable String projectId,
            @PathVariable String taskId, @RequestParam(required = false) @Nullable Long version, Model model,
            HttpServletResponse response) {
        TaskBoard.Card card = board.get(viewer.user(), workspaceId, projectId, taskId);
        try {
            board.delete(viewer.user(), workspaceId, projectId, taskId, Versions.ifMatch(version));
            return "redirect:/w/" + workspaceId + "/projects/" + projectId + "/board";
        } catch (ApiProblem problem) {
            if (problem.status().value() != 403 && problem.status().value() != 412) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            return editPage(viewer, workspaceId, projectId, card, TaskForms.values(card), model,
                    Problem.of("task", problem));
        }
    }

    private String editPage(Viewer viewer, String workspaceId, String projectId, TaskBoard.Card card,
            Map<String, String> form, Model model, @Nullable Problem problem) {
        layout.frame(model, viewer, workspaceId, "projects");
        model.addAttribute("project", projects.get(viewer.user(), workspaceId, projectId));
        model.addAttribute("card", card);
        boolean editable = !board.editable(viewer.user(), workspaceId, projectId, List.of(card)).isEmpty();
        model.addAttribute("editable", editable);
        model.addAttribute("deletable", board.deletable(viewer.user(), workspaceId, projectId, card));
        model.addAttribute("statusOnly",
                !editable && !board.movable(viewer.user(), workspaceId, projectId, List.of(card)).isEmpty());
        model.addAttribute("form", form);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("lists", board.lists(viewer.user(), workspaceId, projectId));
        Map<String, String> names = people(viewer, workspaceId, projectId);
        model.addAttribute("people", assignees(viewer, workspaceId, projectId, names));
        model.addAttribute("names", names);
        model.addAttribute("problem", problem);
        return "console/task";
    }

    private String page(Viewer viewer, String workspaceId, String projectId, Filter filter, Model model,
            Map<String, String> form, @Nullable Problem problem, @Nullable String flash) {
        WorkspacePrincipal principal = layout.frame(model, viewer, workspaceId, "projects");
        model.addAttribute("project", projects.get(viewer.user(), workspaceId, projectId));
        List<TaskBoard.Card> cards = board.cards(viewer.user(), workspaceId, projectId, filter.assigneeOrNull(),
                filter.listOrNull());
        Map<String, List<TaskBoard.Card>> columns = new LinkedHashMap<>();
        STATUSES.forEach(status -> columns.put(status,
                cards.stream().filter(card -> card.status().equals(status)).toList()));
        Map<String, String> people = people(viewer, workspaceId, projectId);
        model.addAttribute("assignees", assignees(viewer, workspaceId, projectId, people));
        model.addAttribute("columns", columns);
        model.addAttribute("movable", board.movable(viewer.user(), workspaceId, projectId, cards));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("people", people);
        model.addAttribute("lists", board.lists(viewer.user(), workspaceId, projectId));
        model.addAttribute("filter", filter);
        model.addAttribute("mayCreate", layout.allows(principal, projectId, Action.TASK_CREATE));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("flash", flash);
        return "console/board";
    }

    /**
     * Whom a task may be assigned to, by id: the workspace's active people (as the API accepts)
     * and the project's API clients, which the viewer may not otherwise be allowed to list.
     */
    /** The active people and clients of the workspace and the project, by id: names for cards and filters. */
    private Map<String, String> people(Viewer viewer, String workspaceId, String projectId) {
        Map<String, String> people = new LinkedHashMap<>();
        workspaces.listMembers(viewer.user(), workspaceId, null, 200).items().stream()
                .filter(WorkspaceService.MemberView::active)
                .forEach(person -> people.put(person.id(), person.name()));
        members.list(viewer.user(), workspaceId, projectId, null, 200).items().stream()
                .filter(member -> !member.principalType().equals("team") && member.active())
                .forEach(member -> people.put(member.principalId(), member.name()));
        return people;
    }

    /** Who an assignee picker offers: those of {@code people} who could read the task, as the API requires. */
    private Map<String, String> assignees(Viewer viewer, String workspaceId, String projectId,
            Map<String, String> people) {
        // Ids carry their kind (usr_, cli_: see V5), so the type is read off each.
        Set<String> assignable = board.assignable(viewer.user(), workspaceId, projectId, people.keySet().stream()
                .map(id -> new TaskBoard.Candidate(id.startsWith("cli_") ? "api_client" : "user", id)).toList());
        Map<String, String> offered = new LinkedHashMap<>(people);
        offered.keySet().retainAll(assignable);
        return offered;
    }
}
